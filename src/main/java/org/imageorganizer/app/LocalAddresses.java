package org.imageorganizer.app;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses of a server listening on every interface: {@code 127.0.0.1} for this computer, and this computer's
 * IPv4 addresses for the other devices on its network: the private ones (home and office networks: 10/8, 172.16/12,
 * 192.168/16), else any other but loopback and link-local. Virtual and down interfaces are left out.
 */
final class LocalAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAddresses.class);

    private LocalAddresses() {
    }

    /** The server's address as this computer reaches it: a wildcard host becomes {@code 127.0.0.1}. */
    static String onThisComputer(String serverUrl) {
        URI uri = URI.create(serverUrl);
        String host = uri.getHost();
        boolean wildcard = host == null || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::");
        return wildcard ? "http://127.0.0.1:" + uri.getPort() + "/" : serverUrl;
    }

    /** The server's addresses for the other devices of this computer's networks: private IPv4 ones, else the others. */
    static List<String> forOtherDevices(String serverUrl) {
        int port = URI.create(serverUrl).getPort();
        List<String> addresses = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!(address instanceof Inet4Address) || address.isLoopbackAddress() || address.isLinkLocalAddress()
                            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                        continue;
                    }
                    String url = "http://" + address.getHostAddress() + ":" + port + "/";
                    (address.isSiteLocalAddress() ? addresses : others).add(url);
                }
            }
        } catch (SocketException e) {
            LOG.info("Could not list the network addresses: {}", e.getMessage());
        }
        return (addresses.isEmpty() ? others : addresses).stream().distinct().sorted().toList();
    }
}

package org.imageorganizer.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies (load balancer, CloudFront…) whose X-Forwarded-* headers are believed. Any
 * other sender's forwarding headers are ignored, so a client cannot choose its own address (and so
 * its rate limit) or the scheme and host of the links it is handed.
 */
final class TrustedProxies {
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest))) == 0;
        }
    }

    private final List<Range> ranges;

    /**
     * @param entries IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1})
     * @throws IllegalArgumentException for an entry that is neither
     */
    TrustedProxies(List<String> entries) {
        List<Range> parsed = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("not a CIDR range: " + entry, ex);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("prefix out of range in " + entry);
                }
            }
            parsed.add(new Range(address, prefix));
        }
        this.ranges = List.copyOf(parsed);
    }

    boolean trusts(String remoteAddress) {
        byte[] address = literal(remoteAddress);
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }

    /**
     * The client's address: the connection's peer, or, when that is a trusted proxy, the nearest
     * address in X-Forwarded-For that is not one.
     */
    String clientAddress(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !trusts(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusts(hop)) {
                return literal(hop) != null ? hop : remoteAddress;
            }
        }
        return remoteAddress;
    }

    /** The bytes of an IP literal, or null for anything else (host names are never looked up). */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !text.matches("[0-9A-Fa-f:.\\[\\]%a-zA-Z]+")) {
            return null;
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

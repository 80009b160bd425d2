package org.imageorganizer.ui.webaccess;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Web Access remembers between runs: whether other devices on the network may connect, and their access key.
 *
 * @param localNetwork whether the server listens for the other devices of this computer's network (with the key)
 * @param accessKey    the key other devices give; empty when none was created yet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebAccessPreferences(
        @JsonProperty("local_network") boolean localNetwork,
        @JsonProperty("access_key") String accessKey) {

    public WebAccessPreferences {
        accessKey = accessKey == null ? "" : accessKey.strip();
    }

    /** This computer only, no key. */
    public static WebAccessPreferences defaults() {
        return new WebAccessPreferences(false, "");
    }
}

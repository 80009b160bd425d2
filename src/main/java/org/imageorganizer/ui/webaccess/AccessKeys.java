package org.imageorganizer.ui.webaccess;

import java.security.SecureRandom;

/**
 * New access keys for Web Access: 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), in groups of
 * four for reading aloud or typing on a phone ("k7mq-9xc4-…"): 100 random bits.
 */
final class AccessKeys {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 characters, none like another
    private static final int GROUPS = 5;
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeys() {
    }

    /** A new random key, such as {@code k7mq-9xc4-tp2w-hh8z-3fne} (24 characters with the dashes). */
    static String generate() {
        StringBuilder key = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                key.append('-');
            }
            for (int i = 0; i < GROUP; i++) {
                key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return key.toString();
    }
}

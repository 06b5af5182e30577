package dev.kefu.auth;

import java.util.Locale;

/** Whether an agent takes chats: only {@code online} agents get tickets assigned automatically. */
public enum Presence {
    ONLINE, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The presence named {@code name}; {@link AccountException} on {@code presence} otherwise. */
    public static Presence ofWire(String name) {
        for (Presence presence : values()) {
            if (presence.wireName().equals(name)) {
                return presence;
            }
        }
        throw new AccountException("presence", "presence must be online, away or offline, was " + name);
    }
}

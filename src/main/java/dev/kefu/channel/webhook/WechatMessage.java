package dev.kefu.channel.webhook;

import java.util.Objects;

/**
 * A message WeChat pushed: {@code toUser} is our account, {@code fromUser} the user's OpenID.
 * {@code content} is set for text, {@code event} for events, {@code msgId} for messages (events
 * have none), {@code recognition} for voice messages WeChat transcribed, {@code eventKey} for menu
 * clicks ({@code CLICK}).
 */
public record WechatMessage(String toUser, String fromUser, long createTime, String msgType, String content,
                            String msgId, String event, String recognition, String eventKey) {
    public WechatMessage {
        Objects.requireNonNull(toUser, "toUser");
        Objects.requireNonNull(fromUser, "fromUser");
        Objects.requireNonNull(msgType, "msgType");
    }
}

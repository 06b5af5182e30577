package dev.kefu.channel.http;

import dev.kefu.channel.webhook.WechatCrypto;
import dev.kefu.channel.webhook.WechatMenu;
import java.time.Duration;
import java.util.Objects;

/**
 * How the webhooks are configured: WeChat's token, mode and (for encrypted modes) crypto, the
 * generic webhook's secret, the replay window both share, the WeChat menu, and the per-IP rate
 * limit of {@code /webhook/*} (platforms push many users from a few addresses, so it is separate
 * from the public API's). A null token or secret turns its webhook off.
 */
public record WebhookSettings(String wechatToken, WechatMode mode, WechatCrypto crypto, String webhookSecret,
                              Duration replayWindow, WechatMenu menu, int ratePerSecond) {
    /** The default replay window: timestamps further than this from the server's clock are refused. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** The default rate limit of {@code /webhook/*} per client IP, in requests a second. */
    public static final int DEFAULT_RATE = 200;

    /** WeChat's message modes (消息加解密方式), as configured in 开发 → 基本配置. */
    public enum WechatMode {
        /** 明文模式: plaintext only; the signature covers token, timestamp and nonce, not the body. */
        PLAIN,
        /** 兼容模式: encrypted messages are read from their {@code <Encrypt>} only; plaintext ones are still accepted. */
        COMPATIBLE,
        /** 安全模式: only encrypted messages, whose {@code msg_signature} covers the body. */
        SAFE
    }

    public WebhookSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(replayWindow, "replayWindow");
        Objects.requireNonNull(menu, "menu");
        if (mode != WechatMode.PLAIN && crypto == null) {
            throw new IllegalArgumentException("KEFU_WECHAT_MODE " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs KEFU_WECHAT_AES_KEY and KEFU_WECHAT_APPID");
        }
        if (replayWindow.isNegative() || replayWindow.isZero()) {
            throw new IllegalArgumentException("the replay window must be positive, was " + replayWindow);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("the webhook rate limit must be >= 0, was " + ratePerSecond);
        }
    }

    /** Plaintext WeChat and the defaults, with these secrets. */
    public static WebhookSettings of(HttpServer.Secrets secrets) {
        return new WebhookSettings(secrets.wechatToken(), WechatMode.PLAIN, null, secrets.webhookSecret(), DEFAULT_WINDOW,
                WechatMenu.NONE, 0);
    }
}

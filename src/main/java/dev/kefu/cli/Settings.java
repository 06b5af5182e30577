package dev.kefu.cli;

import dev.kefu.channel.http.HttpServer;
import dev.kefu.channel.http.WebhookSettings;
import dev.kefu.channel.webhook.WechatCrypto;
import dev.kefu.channel.webhook.WechatMenu;
import dev.kefu.faq.FaqEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import dev.kefu.channel.webhook.CallbackSender;
import dev.kefu.channel.webhook.HmacSignature;
import dev.kefu.channel.webhook.OutboundSender;
import dev.kefu.channel.webhook.WechatSender;
import dev.kefu.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Operator settings shared by commands: flag first, then environment variable, then default. */
final class Settings {
    static final String HOTLINE_ENV = "KEFU_HOTLINE";
    /** Bearer token of the agent API; unset disables it. */
    static final String AGENT_TOKEN_ENV = "KEFU_AGENT_TOKEN";
    /** The key of the stored platform user ids ({@link dev.kefu.channel.webhook.UserPseudonyms}). */
    static final String USER_ID_KEY_ENV = "KEFU_USER_ID_KEY";
    static final String WECHAT_API_DEFAULT = "https://api.weixin.qq.com";

    private Settings() {
    }

    /** The hotline text for answers, or null when not configured (answers then point to 官网「联系我们」). */
    static String hotline(Options options, Map<String, String> env) {
        String value = options.string("hotline", env.get(HOTLINE_ENV));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The secrets of the agent API and the webhooks, from the environment. */
    /** {@code --db}: an SQLite or PostgreSQL JDBC URL (a usage error otherwise). */
    static String databaseUrl(Options options) {
        String url = options.string("db", ServeCommand.DEFAULT_DB);
        if (!Database.isSupported(url)) {
            throw new UsageException("--db must be a jdbc:sqlite: or jdbc:postgresql: URL, e.g. "
                    + ServeCommand.DEFAULT_DB);
        }
        return url;
    }

    /** The database user and password: {@code KEFU_DB_USER}, {@code KEFU_DB_PASSWORD} (a server database only). */
    static Database.Credentials credentials(Map<String, String> env) {
        return new Database.Credentials(env.get("KEFU_DB_USER"), env.get("KEFU_DB_PASSWORD"));
    }

    /** The agent accounts on {@code db}. */
    static dev.kefu.auth.Accounts accounts(Database db) {
        return new dev.kefu.auth.Accounts(new dev.kefu.store.SqlAccountStore(db), new dev.kefu.auth.PasswordHash(),
                Clock.systemUTC());
    }

    static HttpServer.Secrets secrets(Map<String, String> env) {
        return new HttpServer.Secrets(env.get(AGENT_TOKEN_ENV), env.get("KEFU_WECHAT_TOKEN"), env.get("KEFU_WEBHOOK_SECRET"));
    }

    /**
     * The webhooks' settings: {@code KEFU_WECHAT_MODE} ({@code plain}, {@code compatible} or
     * {@code safe}; {@code compatible} when {@code KEFU_WECHAT_AES_KEY} is set, else {@code plain}),
     * the replay window, the webhook rate limit and the WeChat menu file, checked against the FAQ.
     */
    static WebhookSettings webhooks(Options options, Map<String, String> env, List<FaqEntry> faq) {
        HttpServer.Secrets secrets = secrets(env);
        WechatCrypto crypto = null;
        try {
            if (present(env, "KEFU_WECHAT_AES_KEY")) {
                if (!present(env, "KEFU_WECHAT_APPID") || secrets.wechatToken() == null) {
                    throw new UsageException("KEFU_WECHAT_AES_KEY needs KEFU_WECHAT_TOKEN and KEFU_WECHAT_APPID too");
                }
                crypto = new WechatCrypto(secrets.wechatToken(), env.get("KEFU_WECHAT_AES_KEY"), env.get("KEFU_WECHAT_APPID").strip());
            }
            String mode = env.getOrDefault("KEFU_WECHAT_MODE", crypto == null ? "plain" : "compatible").strip();
            if (!List.of("plain", "compatible", "safe").contains(mode)) {
                throw new UsageException("KEFU_WECHAT_MODE must be plain, compatible or safe, was " + mode);
            }
            Map<String, String> answers = new HashMap<>();
            faq.forEach(entry -> answers.put(entry.id(), entry.answer()));
            String menu = options.string("wechat-menu", null);
            return new WebhookSettings(secrets.wechatToken(), WebhookSettings.WechatMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                    crypto, secrets.webhookSecret(), options.duration("replay-window", WebhookSettings.DEFAULT_WINDOW,
                    Duration.ofHours(1)), menu == null ? WechatMenu.NONE : WechatMenu.read(Path.of(menu), answers),
                    options.integer("webhook-rate-limit", WebhookSettings.DEFAULT_RATE, 0, 1_000_000));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The outbound senders configured in the environment: WeChat's customer-service API when the
     * app id and secret are set, the generic callback when its URL and the webhook secret are set.
     */
    static List<OutboundSender> senders(Map<String, String> env) {
        List<OutboundSender> senders = new ArrayList<>();
        if (present(env, "KEFU_WECHAT_APPID") && present(env, "KEFU_WECHAT_SECRET")) {
            senders.add(new WechatSender(env.getOrDefault("KEFU_WECHAT_API_BASE", WECHAT_API_DEFAULT),
                    env.get("KEFU_WECHAT_APPID"), env.get("KEFU_WECHAT_SECRET"), Clock.systemUTC()));
        }
        if (present(env, "KEFU_WEBHOOK_CALLBACK_URL") && present(env, "KEFU_WEBHOOK_SECRET")) {
            senders.add(new CallbackSender(env.get("KEFU_WEBHOOK_CALLBACK_URL"),
                    new HmacSignature(env.get("KEFU_WEBHOOK_SECRET")), Clock.systemUTC()));
        }
        return senders;
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }
}

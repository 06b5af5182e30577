package dev.kefu.channel.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption (安全模式, and the encrypted half of 兼容模式), as WeChat's
 * WXBizMsgCrypt specifies it: the AES-256 key is the Base64 decoding of the 43-character
 * EncodingAESKey + "=", the IV its first 16 bytes, CBC with PKCS#7 padding to 32-byte blocks; the
 * plaintext is 16 random bytes, the XML's length (4 bytes, big-endian), the XML and the AppID.
 * {@code msg_signature} is the SHA-1 of token, timestamp, nonce and the Base64 ciphertext, sorted
 * and joined. Immutable and thread-safe.
 */
public final class WechatCrypto {
    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appId;

    /** Thrown for a message that cannot be decrypted or is not for this account; the reason says which. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** {@code encodingAesKey}: the 43 characters from 开发 → 基本配置; {@code appId}: the account's AppID. */
    public WechatCrypto(String token, String encodingAesKey, String appId) {
        this.token = Objects.requireNonNull(token, "token");
        this.appId = Objects.requireNonNull(appId, "appId").getBytes(StandardCharsets.UTF_8);
        String trimmed = Objects.requireNonNull(encodingAesKey, "encodingAesKey").strip();
        byte[] raw;
        try {
            raw = trimmed.length() == 43 ? Base64.getDecoder().decode(trimmed + "=") : new byte[0];
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("KEFU_WECHAT_AES_KEY must be the 43-character EncodingAESKey (letters and "
                    + "digits) from 开发 → 基本配置, was " + trimmed.length() + " characters");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
    }

    /** The {@code msg_signature} of an encrypted message. */
    public String signature(String timestamp, String nonce, String encrypt) {
        String[] parts = {token, timestamp, nonce, encrypt};
        Arrays.sort(parts);
        return WechatSignature.sha1(String.join("", parts));
    }

    /** True when {@code msgSignature} is the signature of these values (constant time); false for a missing one. */
    public boolean verify(String msgSignature, String timestamp, String nonce, String encrypt) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII),
                msgSignature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The XML inside {@code encrypt}, checked to be for this AppID. */
    public String decrypt(String encrypt) {
        byte[] plain;
        try {
            byte[] cipherText = Base64.getDecoder().decode(encrypt.strip());
            if (cipherText.length == 0 || cipherText.length % 16 != 0) {
                throw new Refused("<Encrypt> is not AES ciphertext (" + cipherText.length + " bytes)");
            }
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
        } catch (IllegalArgumentException e) {
            throw e instanceof Refused refused ? refused : new Refused("<Encrypt> is not Base64");
        } catch (GeneralSecurityException e) {
            throw new Refused("<Encrypt> cannot be decrypted: " + e.getMessage());
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length - pad < 20) {
            throw new Refused("<Encrypt> does not decrypt with this EncodingAESKey (bad padding)");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        int end = plain.length - pad;
        if (length < 0 || 20 + length > end) {
            throw new Refused("<Encrypt> does not decrypt with this EncodingAESKey (bad length)");
        }
        if (!Arrays.equals(Arrays.copyOfRange(plain, 20 + length, end), appId)) {
            throw new Refused("the message is for another AppID than KEFU_WECHAT_APPID");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /** {@code xml} encrypted with fresh random bytes. */
    public String encrypt(String xml) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(xml, random);
    }

    /** {@code xml} encrypted after the given 16 bytes (fixed in tests, random otherwise). */
    public String encrypt(String xml, byte[] random16) {
        if (random16.length != 16) {
            throw new IllegalArgumentException("16 random bytes are needed, got " + random16.length);
        }
        byte[] text = xml.getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + text.length + appId.length;
        int pad = BLOCK - unpadded % BLOCK; // 1..32: a full block when already aligned
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad).put(random16).putInt(text.length).put(text).put(appId);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is required of every JVM", e);
        }
    }

    /** A passive reply in the encrypted envelope WeChat expects ({@code Encrypt, MsgSignature, TimeStamp, Nonce}). */
    public String encryptedReply(String xml, String timestamp, String nonce) {
        String encrypt = encrypt(xml);
        return "<xml><Encrypt>" + WechatXml.cdata(encrypt) + "</Encrypt><MsgSignature>"
                + WechatXml.cdata(signature(timestamp, nonce, encrypt)) + "</MsgSignature><TimeStamp>" + timestamp
                + "</TimeStamp><Nonce>" + WechatXml.cdata(nonce) + "</Nonce></xml>";
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, key, iv);
        return cipher;
    }
}

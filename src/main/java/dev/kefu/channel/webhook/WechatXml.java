package dev.kefu.channel.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * WeChat's XML, read safely and written correctly. Reading refuses any DOCTYPE (so no external
 * entity, no entity expansion) and any body over {@value #MAX_BYTES} bytes; writing puts every
 * text in CDATA, splitting a {@code ]]>} inside it. Thread-safe.
 */
public final class WechatXml {
    /** Largest accepted message body. */
    public static final int MAX_BYTES = 16 * 1024;

    private WechatXml() {
    }

    /** Longest OpenID or account id accepted: WeChat's are 28 characters (an OpenID) or fewer. */
    static final int MAX_USER_ID = 32;
    /** A MsgId is a 64-bit number: at most 20 digits. */
    private static final String MSG_ID = "\\d{1,20}";

    /** The message in {@code body}; throws {@link IllegalArgumentException} with the reason when it is not one. */
    public static WechatMessage parse(byte[] body) {
        Element root = root(body);
        String to = id(root, "ToUserName");
        String from = id(root, "FromUserName");
        String type = required(root, "MsgType");
        long created;
        try {
            created = Long.parseLong(text(root, "CreateTime", "0").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CreateTime must be a number");
        }
        String msgId = text(root, "MsgId", null);
        if (msgId != null && !msgId.strip().matches(MSG_ID)) {
            throw new IllegalArgumentException("<MsgId> must be a number of at most 20 digits");
        }
        return new WechatMessage(to, from, created, type, text(root, "Content", null),
                msgId == null ? null : msgId.strip(), text(root, "Event", null),
                text(root, "Recognition", null), text(root, "EventKey", null));
    }

    /** The {@code <Encrypt>} of an encrypted (安全模式 or 兼容模式) message, or null when it has none. */
    public static String encrypted(byte[] body) {
        String encrypt = text(root(body), "Encrypt", null);
        return encrypt == null || encrypt.isBlank() ? null : encrypt.strip();
    }

    private static Element root(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("XML body over " + MAX_BYTES + " bytes");
        }
        Element root;
        try {
            Document document = builder().parse(new ByteArrayInputStream(body));
            root = document.getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("malformed XML: " + e.getMessage());
        }
        if (!root.getTagName().equals("xml")) {
            throw new IllegalArgumentException("root element must be <xml>");
        }
        return root;
    }

    private static String id(Element root, String name) {
        String value = required(root, name);
        if (value.length() > MAX_USER_ID) {
            throw new IllegalArgumentException("<" + name + "> must be at most " + MAX_USER_ID + " characters, was "
                    + value.length());
        }
        return value;
    }

    /** A passive text reply: our account to the user, swapped from the message. */
    public static String textReply(WechatMessage to, String content, long createTime) {
        return "<xml>"
                + "<ToUserName>" + cdata(to.fromUser()) + "</ToUserName>"
                + "<FromUserName>" + cdata(to.toUser()) + "</FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType>" + cdata("text") + "</MsgType>"
                + "<Content>" + cdata(content) + "</Content>"
                + "</xml>";
    }

    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static String required(Element root, String name) {
        String value = text(root, name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing <" + name + ">");
        }
        return value.strip();
    }

    private static String text(Element root, String name, String fallback) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent();
            }
        }
        return fallback;
    }
}

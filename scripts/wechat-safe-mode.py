#!/usr/bin/env python3
"""Posts one WeChat 安全模式 (encrypted) text message to a running kefu and decrypts its reply.

An implementation of WeChat's WXBizMsgCrypt independent of kefu's Java code, written from the
algorithm (Python's `cryptography` package; Debian: apt-get install python3-cryptography):

    KEFU_WECHAT_TOKEN=t KEFU_WECHAT_APPID=wx… KEFU_WECHAT_AES_KEY=<43 chars> KEFU_WECHAT_MODE=safe \
        java -jar target/kefu.jar serve --port 7070 &
    scripts/wechat-safe-mode.py http://127.0.0.1:7070 t wx… <43 chars> 退款多久到账

Exit 0 when kefu answered with an encrypted reply whose msg_signature checks and whose XML is for
the user; it prints the reply's <Content>.
"""
import base64
import hashlib
import os
import struct
import sys
import time
import urllib.parse
import urllib.request

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def signature(*parts):
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def encrypt(key, app_id, xml):
    text = os.urandom(16) + struct.pack(">I", len(xml.encode())) + xml.encode() + app_id.encode()
    pad = 32 - len(text) % 32
    text += bytes([pad]) * pad
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(text) + encryptor.finalize()).decode()


def decrypt(key, app_id, encrypted):
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(base64.b64decode(encrypted)) + decryptor.finalize()
    plain = plain[:-plain[-1]]
    length = struct.unpack(">I", plain[16:20])[0]
    if plain[20 + length:].decode() != app_id:
        raise SystemExit("the reply is for another AppID")
    return plain[20:20 + length].decode()


def between(text, start, end):
    i = text.index(start) + len(start)
    return text[i:text.index(end, i)]


def main(base, token, app_id, aes_key, content):
    key = base64.b64decode(aes_key + "=")
    open_id = "o_py_%d" % time.time_ns()
    xml = ("<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>"
           "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[%s]]></Content>"
           "<MsgId>%d</MsgId></xml>") % (open_id, time.time(), content, time.time_ns() // 1000)
    timestamp, nonce = str(int(time.time())), str(time.time_ns() % 10**10)
    enc = encrypt(key, app_id, xml)
    query = urllib.parse.urlencode({"signature": signature(token, timestamp, nonce), "timestamp": timestamp,
                                    "nonce": nonce, "openid": open_id, "encrypt_type": "aes",
                                    "msg_signature": signature(token, timestamp, nonce, enc)})
    body = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[%s]]></Encrypt></xml>" % enc
    reply = urllib.request.urlopen(urllib.request.Request(base.rstrip("/") + "/webhook/wechat?" + query,
                                                          body.encode(), method="POST")).read().decode()
    encrypted = between(reply, "<Encrypt><![CDATA[", "]]>")
    if between(reply, "<MsgSignature><![CDATA[", "]]>") != signature(
            token, between(reply, "<TimeStamp>", "</TimeStamp>"), between(reply, "<Nonce><![CDATA[", "]]>"), encrypted):
        raise SystemExit("the reply's msg_signature does not check")
    answer = decrypt(key, app_id, encrypted)
    if "<ToUserName><![CDATA[%s]]>" % open_id not in answer:
        raise SystemExit("the reply is not for the user: " + answer)
    print(between(answer, "<Content><![CDATA[", "]]>"))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])

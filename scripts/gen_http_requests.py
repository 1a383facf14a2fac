#!/usr/bin/env python3
"""Writes full-field Cloudflare http_requests Logpush records (all 108 documented fields) as NDJSON.

Deterministic for a given --seed, so benchmark runs compare like with like.
Usage: gen_http_requests.py --count 200000 --seed 1 --out FILE
"""
import argparse
import json
import random

METHODS = ["GET", "GET", "GET", "POST", "HEAD", "PUT"]
PATHS = ["/", "/index.html", "/api/v1/items", "/static/app.js", "/login", "/wp-login.php", "/images/logo.png"]
AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "curl/8.4.0",
    "python-requests/2.31.0",
]


def record(rng, index):
    start = 1_700_000_000_000_000_000 + index * 1_000_000_000
    host = rng.choice(["www.example.com", "api.example.com", "shop.example.co.uk"])
    path = rng.choice(PATHS)
    query = rng.choice(["", "?id=%d" % rng.randint(1, 9999), "?q=search&page=2"])
    ip = "%d.%d.%d.%d" % (rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    return {
        "BotDetectionIDs": [rng.randint(1, 100)], "BotDetectionTags": ["api"], "BotScore": rng.randint(1, 99),
        "BotScoreSrc": "Machine Learning", "BotTags": ["api"], "CacheCacheStatus": rng.choice(["hit", "miss", "dynamic"]),
        "CacheReserveUsed": False, "CacheResponseBytes": rng.randint(0, 90000), "CacheResponseStatus": 200,
        "CacheTieredFill": False, "ClientASN": rng.randint(1, 64000), "ClientCity": "Lisbon", "ClientCountry": "pt",
        "ClientDeviceType": "desktop", "ClientIP": ip, "ClientIPClass": "noRecord", "ClientLatitude": "38.72",
        "ClientLongitude": "-9.14", "ClientMTLSAuthCertFingerprint": "", "ClientMTLSAuthStatus": "unknown",
        "ClientRegionCode": "11", "ClientRequestBytes": rng.randint(200, 4000), "ClientRequestHost": host,
        "ClientRequestMethod": rng.choice(METHODS), "ClientRequestPath": path, "ClientRequestProtocol": "HTTP/2",
        "ClientRequestReferer": "https://%s/" % host, "ClientRequestScheme": "https", "ClientRequestSource": "eyeball",
        "ClientRequestURI": path + query, "ClientRequestUserAgent": rng.choice(AGENTS),
        "ClientSSLCipher": "AEAD-AES128-GCM-SHA256", "ClientSSLProtocol": "TLSv1.3", "ClientSrcPort": rng.randint(1024, 65535),
        "ClientTCPRTTMs": rng.randint(1, 300), "ClientXRequestedWith": "", "ContentScanObjResults": ["clean"],
        "ContentScanObjSizes": [1024], "ContentScanObjTypes": ["json"], "Cookies": {"session": "abc%d" % index},
        "EdgeCFConnectingO2O": False, "EdgeColoCode": "LIS", "EdgeColoID": 123, "EdgeEndTimestamp": start + 25_000_000,
        "EdgePathingOp": "wl", "EdgePathingSrc": "macro", "EdgePathingStatus": "nr", "EdgeRequestHost": host,
        "EdgeResponseBodyBytes": rng.randint(0, 90000), "EdgeResponseBytes": rng.randint(100, 90000),
        "EdgeResponseCompressionRatio": 1.2, "EdgeResponseContentType": "text/html",
        "EdgeResponseStatus": rng.choice([200, 200, 200, 301, 404, 403, 500]), "EdgeServerIP": "172.70.1.2",
        "EdgeStartTimestamp": start, "EdgeTimeToFirstByteMs": rng.randint(1, 900), "FraudAttack": "",
        "FraudDetectionIDs": [], "FraudDetectionTags": [], "FraudEmailRisk": "", "FraudUserID": "",
        "JA3Hash": "%032x" % rng.getrandbits(128), "JA4": "t13d1516h2_8daaf6152771_b0da82dd1658",
        "JA4Signals": {"h2h3_ratio_1h": 0.9}, "JSDetectionPassed": "passed", "LeakedCredentialCheckResult": "clean",
        "OriginDNSResponseTimeMs": 3, "OriginIP": "203.0.113.%d" % rng.randint(1, 254),
        "OriginRequestHeaderSendDurationMs": 0, "OriginResponseBytes": rng.randint(0, 90000),
        "OriginResponseDurationMs": rng.randint(1, 900), "OriginResponseHTTPExpires": "",
        "OriginResponseHTTPLastModified": "", "OriginResponseHeaderReceiveDurationMs": 12, "OriginResponseStatus": 200,
        "OriginResponseTime": 25_000_000, "OriginSSLProtocol": "TLSv1.3", "OriginTCPHandshakeDurationMs": 4,
        "OriginTLSHandshakeDurationMs": 8, "ParentRayID": "00", "PayPerCrawlStatus": "",
        "RayID": "%016x" % rng.getrandbits(64), "RequestHeaders": {"accept-language": "en"},
        "ResponseHeaders": {"server": "cloudflare"}, "SecurityAction": rng.choice(["", "", "allow", "block"]),
        "SecurityActions": [], "SecurityRuleDescription": "", "SecurityRuleID": "", "SecurityRuleIDs": [],
        "SecuritySources": [], "SmartRouteColoID": 0, "UpperTierColoID": 0, "VerifiedBotCategory": "",
        "WAFAttackScore": rng.randint(1, 99), "WAFFlags": "0", "WAFMatchedVar": "", "WAFRCEAttackScore": 90,
        "WAFSQLiAttackScore": 90, "WAFXSSAttackScore": 90, "WebAssetsLabelsManaged": [], "WebAssetsOperationID": "",
        "WorkerCPUTime": 0, "WorkerScriptName": "", "WorkerStatus": "unknown", "WorkerSubrequest": False,
        "WorkerSubrequestCount": 0, "WorkerWallTimeUs": 0, "ZoneName": "example.com",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w") as out:
        for index in range(args.count):
            out.write(json.dumps(record(rng, index), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

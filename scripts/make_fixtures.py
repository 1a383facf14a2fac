#!/usr/bin/env python3
"""Writes the synthetic Cloudflare Logpush sample files under Fixtures/cloudflare and Fixtures/bad.

Every record is made up by this script (seeded, so re-running gives byte-identical files with the same zlib).
Values are benign on purpose: documentation IP ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
2001:db8::/32), RFC 1918 client addresses, example.com/.net/.org names and a few well-known public domains,
ordinary browsers, no attack payloads, no scanners, no TOR, no malware indicators.

Usage (from the repository root):  python3 scripts/make_fixtures.py [--root DIR]
The script checks its own output at the end (JSON parses, field names, gzip members, expected bad-line counts)
and exits non-zero when a check fails. It then runs scripts/make_replay_fixtures.py (the one-day replay samples
under Fixtures/replay with their demo IOC lists under Fixtures/iocs), which reuses this script's generators.
"""
import argparse
import base64
import calendar
import gzip
import hashlib
import json
import os
import random
import sys
import uuid
import zlib
from datetime import datetime, timezone

SEED = 20240514
RECORDS_PER_FILE = 20
BATCH_RECORDS = 50

# 2024-05-14T09:30:00Z: all records fall in the minutes after this instant.
BASE_EPOCH = calendar.timegm((2024, 5, 14, 9, 30, 0))

DATASETS = [
    "http_requests", "firewall_events", "dns_logs", "gateway_dns", "gateway_http", "gateway_network",
    "access_requests", "audit_logs", "casb_findings", "device_posture_results", "dns_firewall_logs",
    "magic_ids_detections", "nel_reports", "network_analytics_logs", "zero_trust_network_sessions",
    "page_shield_events", "sinkhole_http_logs", "spectrum_events", "workers_trace_events",
    "dex_application_tests", "dex_device_state_events", "dlp_forensic_copies", "email_security_alerts",
    "warp_config_changes", "warp_toggle_changes",
]

# The job's output_options.timestamp_format for each sample file (one format per job, as in Logpush).
# unixnano is the API default; rfc3339 is what the dashboard sets; unix is seconds.
TIMESTAMP_FORMAT = {
    "http_requests": "unixnano", "firewall_events": "unixnano", "dns_logs": "unixnano",
    "gateway_dns": "unixnano", "gateway_http": "unixnano", "gateway_network": "unixnano",
    "access_requests": "rfc3339", "audit_logs": "rfc3339", "casb_findings": "rfc3339",
    "device_posture_results": "unix", "dns_firewall_logs": "unixnano", "magic_ids_detections": "unixnano",
    "nel_reports": "unix", "network_analytics_logs": "unixnano", "zero_trust_network_sessions": "unixnano",
    "page_shield_events": "unixnano", "sinkhole_http_logs": "unixnano", "spectrum_events": "unixnano",
    "workers_trace_events": "unixnano",  # no int-or-string field; EventTimestampMs is always ms
    "dex_application_tests": "rfc3339", "dex_device_state_events": "rfc3339",
    "dlp_forensic_copies": "rfc3339", "email_security_alerts": "rfc3339",
    "warp_config_changes": "rfc3339", "warp_toggle_changes": "unix",
}
GATEWAY_DNS_BATCH_FORMAT = "rfc3339"  # the gateway_dns batch comes from a second, dashboard-made job

FIELD_REFERENCE_DIRS = ["/work/shared/cloudflare-fields", "/tmp/research/fields"]


# ---------------------------------------------------------------------------------------------------------
# Encoding


def go_json(record):
    """Compact JSON as Logpush (Go encoding/json) writes it: UTF-8 kept, and <, >, & escaped as \\u003c…"""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def timestamp(ns, fmt):
    if fmt == "unixnano":
        return ns
    if fmt == "unix":
        return ns // 1_000_000_000
    if fmt == "rfc3339":
        return datetime.fromtimestamp(ns // 1_000_000_000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    raise ValueError(fmt)


# ---------------------------------------------------------------------------------------------------------
# Shared, deterministic "world": one organisation (example.com) with its users, devices and sites.

WORLD = random.Random(SEED)


def new_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def hex_id(rng, chars=32):
    return "%0*x" % (chars, rng.getrandbits(chars * 4))


ACCOUNT_ID = hex_id(WORLD)
ACCOUNT_NAME = "Example Corp"
ZONE = "example.com"

USERS = []
for email, name, platform, model, maker, os_version, client_version in [
    ("alice.nguyen@example.com", "LAPTOP-ANGUYEN", "windows", "Latitude 7440", "Dell Inc.", "10.0.22631", "2024.4.133.0"),
    ("bram.dekker@example.com", "Brams-MacBook-Pro", "mac", "MacBookPro18,3", "Apple Inc.", "14.4.1", "2024.4.133.0"),
    ("chen.wei@example.com", "chen-thinkpad", "linux", "ThinkPad X1 Carbon Gen 11", "LENOVO", "Ubuntu 22.04.4 LTS", "2024.3.409.0"),
    ("dana.okafor@example.com", "LAPTOP-DOKAFOR", "windows", "EliteBook 840 G10", "HP", "10.0.22631", "2024.4.133.0"),
    ("emil.larsen@example.com", "Emils-MacBook-Air", "mac", "Mac14,2", "Apple Inc.", "14.4.1", "2024.3.444.0"),
    ("farah.haddad@example.com", "Farahs-iPhone", "ios", "iPhone15,2", "Apple Inc.", "17.4.1", "1.20"),
]:
    USERS.append({
        "email": email, "device_name": name, "platform": platform, "model": model, "maker": maker,
        "os_version": os_version, "client_version": client_version,
        "user_id": new_uuid(WORLD), "device_id": new_uuid(WORLD), "registration_id": new_uuid(WORLD),
        "serial": "".join(WORLD.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10)),
        "warp_ip": "100.96.0.%d" % (10 + len(USERS)),
        "lan_ip": "192.168.%d.%d" % (WORLD.choice([1, 10, 178]), WORLD.randint(20, 199)),
    })

# Office and home-office egress addresses (documentation ranges), and their geography.
SITES = [
    {"name": "London office", "id": new_uuid(WORLD), "ip": "198.51.100.23", "country": "GB", "continent": "EU",
     "colo": "LHR", "colo_id": 398, "internal": "10.20.4.%d"},
    {"name": "Amsterdam office", "id": new_uuid(WORLD), "ip": "198.51.100.87", "country": "NL", "continent": "EU",
     "colo": "AMS", "colo_id": 14, "internal": "10.30.8.%d"},
    {"name": "Home office (US)", "id": new_uuid(WORLD), "ip": "203.0.113.54", "country": "US", "continent": "NA",
     "colo": "IAD", "colo_id": 8, "internal": "192.168.1.%d"},
]

COLOS = [  # code, city, country, colo id, site name, geohash
    ("LHR", "London", "GB", 398, "lhr01", "gcpvj0u"), ("AMS", "Amsterdam", "NL", 14, "ams01", "u173zq3"),
    ("FRA", "Frankfurt", "DE", 19, "fra02", "u0yjjd6"), ("IAD", "Ashburn", "US", 8, "iad03", "dqbyhex"),
    ("SJC", "San Jose", "US", 20, "sjc01", "9q9k6t0"), ("SIN", "Singapore", "SG", 44, "sin01", "w21z74n"),
    ("GRU", "São Paulo", "BR", 157, "gru01", "6gyf4bf"), ("NRT", "Tokyo", "JP", 71, "nrt01", "xn7k1ue"),
]

# Internet visitors of www.example.com: address, ASN, geography and browser.
UA_CHROME_WIN = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/124.0.0.0 Safari/537.36")
UA_EDGE_WIN = UA_CHROME_WIN + " Edg/124.0.2478.97"
UA_FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
UA_FIREFOX_LINUX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"
UA_SAFARI_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.4.1 Safari/605.1.15")
UA_CHROME_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/124.0.0.0 Safari/537.36")
UA_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Version/17.4.1 Mobile/15E148 Safari/604.1")
UA_ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/124.0.6367.113 Mobile Safari/537.36")
UA_APP = "ExampleShop/5.12.0 (com.example.shop; build:5120; iOS 17.4.1) Alamofire/5.9.1"
UA_GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

VISITORS = [
    # ip, asn, as description, country (lower), city, region, lat, lon, ua, device type
    ("198.51.100.14", 64501, "EXAMPLE-BROADBAND", "gb", "Manchester", "ENG", "53.48080", "-2.24260", UA_CHROME_WIN, "desktop"),
    ("198.51.100.142", 64502, "EXAMPLE-MOBILE-NET", "de", "München", "BY", "48.13710", "11.57540", UA_IPHONE, "mobile"),
    ("203.0.113.17", 64503, "EXAMPLE-CABLE", "us", "Columbus", "OH", "39.96120", "-82.99880", UA_EDGE_WIN, "desktop"),
    ("203.0.113.88", 64504, "EXAMPLE-FIBER", "us", "Portland", "OR", "45.51520", "-122.67840", UA_SAFARI_MAC, "desktop"),
    ("2001:db8:4a0:12::1c", 64505, "EXAMPLE-IX-TRANSIT", "nl", "Utrecht", "UT", "52.09070", "5.12140", UA_FIREFOX_WIN, "desktop"),
    ("2001:db8:9c:2e01::7", 64506, "EXAMPLE-TELECOM", "fr", "Lyon", "ARA", "45.76400", "4.83570", UA_ANDROID, "mobile"),
    ("192.0.2.41", 64507, "EXAMPLE-UNIVERSITY", "se", "Göteborg", "O", "57.70890", "11.97460", UA_FIREFOX_LINUX, "desktop"),
    ("198.51.100.201", 64508, "EXAMPLE-WIRELESS", "br", "São Paulo", "SP", "-23.55050", "-46.63330", UA_APP, "mobile"),
    ("203.0.113.160", 64509, "EXAMPLE-HOSTING-EU", "ie", "Dublin", "L", "53.34980", "-6.26030", UA_CHROME_MAC, "desktop"),
    ("2001:db8:3ffe:100::55", 64510, "EXAMPLE-NET-JP", "jp", "Ōsaka", "27", "34.69370", "135.50230", UA_IPHONE, "mobile"),
]
GOOGLEBOT = ("192.0.2.66", 15169, "GOOGLE", "us", "Mountain View", "CA", "37.38600", "-122.08380", UA_GOOGLEBOT, "desktop")

JA4_BY_UA = {
    UA_CHROME_WIN: "t13d1516h2_8daaf6152771_02713d6af862", UA_EDGE_WIN: "t13d1516h2_8daaf6152771_02713d6af862",
    UA_CHROME_MAC: "t13d1516h2_8daaf6152771_02713d6af862", UA_ANDROID: "t13d1516h2_8daaf6152771_02713d6af862",
    UA_FIREFOX_WIN: "t13d1715h2_5b57614c22b0_3d5424432f57", UA_FIREFOX_LINUX: "t13d1715h2_5b57614c22b0_3d5424432f57",
    UA_SAFARI_MAC: "t13d2014h2_a09f3c656075_14788d8d241b", UA_IPHONE: "t13d2014h2_a09f3c656075_14788d8d241b",
    UA_APP: "t13d2014h2_a09f3c656075_e42f34c56612", UA_GOOGLEBOT: "t13d1516h2_8daaf6152771_e5627efa2ab1",
}


def ja3(ua):
    return hashlib.md5(("ja3:" + JA4_BY_UA[ua]).encode()).hexdigest()


def ray_id(rng):
    return "%016x" % rng.getrandbits(64)


def pick(rng, weighted):
    """weighted: list of (value, weight)."""
    values, weights = zip(*weighted)
    return rng.choices(values, weights=weights)[0]


def thin(rng, record, keep, drop=0.12):
    """Drops some optional fields (those not in `keep`) so records vary in which fields they carry."""
    for key in sorted(record):
        if key not in keep and rng.random() < drop:
            del record[key]
    return record


def times(rng, count, spread_s=900):
    """`count` ascending nanosecond instants after BASE_EPOCH."""
    offsets = sorted(rng.randint(0, spread_s * 1_000_000) for _ in range(count))  # microsecond offsets
    return [(BASE_EPOCH * 1_000_000 + o) * 1000 + rng.randint(0, 999) for o in offsets]


# ---------------------------------------------------------------------------------------------------------
# http_requests

PAGES = ["/", "/products", "/products/trail-running-shoes", "/products/rain-jacket-womens", "/blog",
         "/blog/2024/05/spring-collection", "/about", "/contact", "/cart", "/search", "/help/shipping",
         "/fr/produits", "/de/produkte/wanderschuhe"]
STATIC = [("/static/css/main.3f2a9c.css", "text/css"), ("/static/js/app.8b1d04.js", "application/javascript"),
          ("/static/js/vendor.c41e77.js", "application/javascript"), ("/images/hero-spring.webp", "image/webp"),
          ("/images/products/rain-jacket-480.jpg", "image/jpeg"), ("/fonts/inter-var.woff2", "font/woff2"),
          ("/favicon.ico", "image/x-icon")]
API = [("GET", "/api/v1/products", "page=2&per_page=24", 200), ("GET", "/api/v1/products/1842", "", 200),
       ("GET", "/api/v1/cart", "", 200), ("POST", "/api/v1/cart/items", "", 201),
       ("GET", "/api/v1/search", "q=rain+jacket&sort=relevance", 200), ("PUT", "/api/v1/cart/items/77", "", 200),
       ("DELETE", "/api/v1/cart/items/77", "", 204), ("GET", "/api/v1/stores", "lat=51.50&lon=-0.12", 200)]


HTTP_KINDS = [("page", 5), ("static", 5), ("api", 4), ("redirect", 1), ("notmod", 1), ("notfound", 1),
              ("worker", 1), ("challenge", 0.5), ("bot", 0.5)]


def http_kind_plan(rng, count):
    """Every kind at least once (so a 20-record file shows them all), the rest drawn by weight, shuffled."""
    plan = [kind for kind, _ in HTTP_KINDS][:count]
    plan += [pick(rng, HTTP_KINDS) for _ in range(count - len(plan))]
    rng.shuffle(plan)
    return plan


def http_request(rng, start_ns, fmt, kind=None):
    kind = kind or pick(rng, HTTP_KINDS)
    visitor = GOOGLEBOT if kind == "bot" else rng.choice(VISITORS)
    ip, asn, _, country, city, region, lat, lon, ua, device = visitor
    colo = rng.choice(COLOS[:6])
    host = "www.example.com"
    method, path, query, status = "GET", rng.choice(PAGES), "", 200
    content_type, cache = "text/html", "dynamic"
    body = rng.randint(18_000, 95_000)
    from_origin = True
    scheme = "https"
    if kind == "static":
        path, content_type = rng.choice(STATIC)
        host = "static.example.com"
        cache = pick(rng, [("hit", 8), ("miss", 1), ("revalidated", 1)])
        from_origin = cache != "hit"
        body = rng.randint(900, 240_000)
    elif kind == "api":
        method, path, query, status = rng.choice(API)
        host, content_type = "api.example.com", "application/json"
        body = 0 if status == 204 else rng.randint(120, 14_000)
    elif kind == "redirect":
        scheme, status, body, from_origin, cache = "http", 301, 167, False, "unknown"
    elif kind == "notmod":
        status, body = 304, 0
        cache = "revalidated"
    elif kind == "notfound":
        path = rng.choice(["/products/winter-boots-2019", "/blog/2021/old-post", "/apple-touch-icon.png"])
        status, body = 404, rng.randint(4_000, 9_000)
    elif kind == "worker":
        path, query = "/api/v1/geo", ""
        host, content_type, body, from_origin = "api.example.com", "application/json", rng.randint(80, 400), False
    elif kind == "challenge":
        path = "/account/login"
        status, body, from_origin = 403, rng.randint(6_000, 7_500), False
    if kind == "page" and path == "/search":
        query = rng.choice(["q=waterproof+boots", "q=socks&size=m", "q=caf%C3%A9+mug"])
    uri = path + ("?" + query if query else "")
    ttfb = rng.randint(8, 40) if not from_origin else rng.randint(60, 480)
    end_ns = start_ns + (ttfb + rng.randint(1, 60)) * 1_000_000
    protocol = "HTTP/1.1" if kind == "redirect" else rng.choice(["HTTP/2", "HTTP/2", "HTTP/3"])
    origin_ms = ttfb - rng.randint(3, 7) if from_origin else 0
    security = []  # (action, rule id, source, description)
    if kind == "challenge":
        security = [("managedChallenge", hex_id(rng), "firewallCustom", "Challenge logins from outside EU and US")]
    elif kind == "api" and rng.random() < 0.3:
        security = [("log", hex_id(rng), "rateLimit", "Log bursts on the public API")]
    referer = "" if kind in ("redirect", "bot") else rng.choice(
        ["https://www.example.com/", "https://www.example.com/products", "https://www.google.com/",
         "https://duckduckgo.com/", "https://www.example.com/blog", ""])
    headers = {"accept-language": rng.choice(["en-GB,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "en-US,en;q=0.9",
                                              "fr-FR,fr;q=0.9", "ja-JP,ja;q=0.9", "pt-BR,pt;q=0.9"])}
    verified = kind == "bot"
    bot_score = 1 if verified else rng.randint(35, 99)
    record = {
        "BotScore": bot_score,
        "BotScoreSrc": "Verified Bot" if verified else pick(rng, [("Machine Learning", 6), ("Heuristics", 1),
                                                                  ("JS Fingerprinting", 1)]),
        "BotTags": ["search_engine"] if verified else [],
        "CacheCacheStatus": cache,
        "CacheReserveUsed": False,
        "CacheResponseBytes": body + 600 if cache in ("hit", "revalidated") else 0,
        "CacheResponseStatus": status if cache in ("hit", "revalidated") else 0,
        "CacheTieredFill": kind == "static" and cache == "miss",
        "ClientASN": asn,
        "ClientCity": city,
        "ClientCountry": country,
        "ClientDeviceType": device,
        "ClientIP": ip,
        "ClientIPClass": "searchEngine" if verified else "noRecord",
        "ClientLatitude": lat,
        "ClientLongitude": lon,
        "ClientMTLSAuthCertFingerprint": "",
        "ClientMTLSAuthStatus": "unknown",
        "ClientRegionCode": region,
        "ClientRequestBytes": rng.randint(900, 3_200) + (rng.randint(80, 900) if method in ("POST", "PUT") else 0),
        "ClientRequestHost": host,
        "ClientRequestMethod": method,
        "ClientRequestPath": path,
        "ClientRequestProtocol": protocol,
        "ClientRequestReferer": referer,
        "ClientRequestScheme": scheme,
        "ClientRequestSource": "eyeball",
        "ClientRequestURI": uri,
        "ClientRequestUserAgent": ua,
        "ClientSSLCipher": "NONE" if scheme == "http" else rng.choice(["AEAD-AES128-GCM-SHA256",
                                                                      "AEAD-CHACHA20-POLY1305-SHA256"]),
        "ClientSSLProtocol": "none" if scheme == "http" else "TLSv1.3",
        "ClientSrcPort": rng.randint(32_768, 65_535),
        "ClientTCPRTTMs": rng.randint(4, 180),
        "ClientXRequestedWith": "XMLHttpRequest" if kind == "api" and ua != UA_APP and rng.random() < 0.5 else "",
        "EdgeColoCode": colo[0],
        "EdgeColoID": colo[3],
        "EdgeEndTimestamp": timestamp(end_ns, fmt),
        "EdgePathingOp": "chl" if kind == "challenge" else "wl",
        "EdgePathingSrc": "filterBasedFirewall" if kind == "challenge" else "macro",
        "EdgePathingStatus": "captchaNew" if kind == "challenge" else "nr",
        "EdgeRequestHost": host if from_origin else "",
        "EdgeResponseBodyBytes": body,
        "EdgeResponseBytes": body + rng.randint(350, 900),
        "EdgeResponseCompressionRatio": round(rng.uniform(2.1, 4.8), 2) if content_type in (
            "text/html", "text/css", "application/javascript", "application/json") and body > 1_000 else 1.0,
        "EdgeResponseContentType": "" if status in (204, 304) else content_type,
        "EdgeResponseStatus": status,
        "EdgeServerIP": "192.0.2.%d" % rng.randint(200, 220) if from_origin else "",
        "EdgeStartTimestamp": timestamp(start_ns, fmt),
        "EdgeTimeToFirstByteMs": ttfb,
        "JA3Hash": ja3(ua),
        "JA4": JA4_BY_UA[ua],
        "JSDetectionPassed": "missing" if kind in ("api", "static", "bot") else "passed",
        "LeakedCredentialCheckResult": "clean",
        "OriginDNSResponseTimeMs": rng.randint(0, 3) if from_origin else 0,
        "OriginIP": "203.0.113.%d" % rng.choice([210, 211, 212]) if from_origin else "",
        "OriginResponseDurationMs": origin_ms,
        "OriginResponseHTTPExpires": "",
        "OriginResponseHTTPLastModified": "Mon, 13 May 2024 16:02:11 GMT" if kind == "static" and from_origin else "",
        "OriginResponseStatus": status if from_origin else 0,
        "OriginSSLProtocol": "TLSv1.3" if from_origin else "unknown",
        "OriginTCPHandshakeDurationMs": rng.choice([0, 0, 0, rng.randint(2, 14)]) if from_origin else 0,
        "OriginTLSHandshakeDurationMs": rng.choice([0, 0, 0, rng.randint(6, 30)]) if from_origin else 0,
        "ParentRayID": "00",
        "RayID": ray_id(rng),
        "RequestHeaders": headers,
        "ResponseHeaders": {"cache-control": "public, max-age=31536000, immutable"} if kind == "static" else {},
        "SecurityAction": security[0][0] if security and security[0][0] != "log" else "",
        "SecurityActions": [s[0] for s in security],
        "SecurityRuleDescription": security[0][3] if security and security[0][0] != "log" else "",
        "SecurityRuleID": security[0][1] if security and security[0][0] != "log" else "",
        "SecurityRuleIDs": [s[1] for s in security],
        "SecuritySources": [s[2] for s in security],
        "SmartRouteColoID": 0,
        "UpperTierColoID": 19 if kind == "static" and cache == "miss" else 0,
        "VerifiedBotCategory": "Search Engine Crawler" if verified else "",
        "WAFAttackScore": rng.randint(78, 99),
        "WAFRCEAttackScore": rng.randint(80, 99),
        "WAFSQLiAttackScore": rng.randint(80, 99),
        "WAFXSSAttackScore": rng.randint(80, 99),
        "WorkerCPUTime": rng.randint(900, 4_500) if kind == "worker" else 0,
        "WorkerScriptName": "geo-lookup" if kind == "worker" else "",
        "WorkerStatus": "ok" if kind == "worker" else "unknown",
        "WorkerSubrequest": False,
        "WorkerSubrequestCount": 0,
        "WorkerWallTimeUs": rng.randint(2_000, 9_000) if kind == "worker" else 0,
        "ZoneName": ZONE,
    }
    keep = {"ClientIP", "ClientRequestHost", "ClientRequestMethod", "ClientRequestURI", "ClientRequestPath",
            "ClientRequestUserAgent", "EdgeStartTimestamp", "EdgeEndTimestamp", "EdgeResponseStatus",
            "CacheCacheStatus", "EdgeColoCode", "OriginResponseStatus", "RayID", "ZoneName", "ClientCountry",
            "ClientRequestProtocol", "ClientRequestScheme", "EdgeResponseBytes", "SecurityAction",
            "SecurityActions", "SecuritySources", "SecurityRuleIDs", "WorkerScriptName", "VerifiedBotCategory",
            "BotScore", "BotScoreSrc"}
    return thin(rng, record, keep, drop=0.08)


# ---------------------------------------------------------------------------------------------------------
# firewall_events

FIREWALL_RULES = [
    # action, source, description, ref, status, path, method, origin status
    ("allow", "firewallcustom", "Allow uptime monitor", "allow-uptime-monitor", 200, "/healthz", "GET", 200),
    ("block", "country", "", "", 403, "/", "GET", 0),
    ("block", "firewallcustom", "Block staging from outside office", "staging-office-only", 403, "/", "GET", 0),
    ("managedchallenge", "firewallcustom", "Challenge logins from outside EU and US", "login-geo-challenge", 403,
     "/account/login", "GET", 0),
    ("managedchallengenoninteractivesolved", "firewallcustom", "Challenge logins from outside EU and US",
     "login-geo-challenge", 200, "/account/login", "GET", 200),
    ("log", "ratelimit", "Log bursts on the public API", "api-burst-log", 200, "/api/v1/products", "GET", 200),
    ("block", "ratelimit", "Rate limit newsletter signups", "newsletter-rl", 429, "/api/v1/newsletter", "POST", 0),
    ("jschallenge", "securitylevel", "", "", 403, "/products", "GET", 0),
    ("jschallengesolved", "securitylevel", "", "", 200, "/products", "GET", 200),
]
FIREWALL_WEIGHTS = [3, 2, 2, 3, 2, 4, 1, 1, 1]


def firewall_event(rng, ns, fmt):
    action, source, desc, ref, status, path, method, origin = rng.choices(FIREWALL_RULES, FIREWALL_WEIGHTS)[0]
    visitors = VISITORS
    if source == "country":  # an IP Access rule for countries the shop does not ship to
        visitors = [v for v in VISITORS if v[3] in ("br", "jp")]
    ip, asn, asdesc, country, _, _, _, _, ua, _ = rng.choice(visitors)
    host = "www.example.com"
    if ref == "staging-office-only":
        host = "staging.example.com"
    elif path.startswith("/api/"):
        host = "api.example.com"
    if ref == "allow-uptime-monitor":
        ip, asn, asdesc, country = "198.51.100.250", 64511, "EXAMPLE-MONITORING", "us"
        ua = "ExampleUptime/2.3 (+https://status.example.net/bot)"
    rule_id = hashlib.md5(("rule:" + (ref or source)).encode()).hexdigest()
    query = "?page=2&per_page=24" if path == "/api/v1/products" else ""
    referer = rng.choice(["https://www.example.com/", "https://www.example.com/products", "", ""])
    ref_scheme, ref_host, ref_path = ("", "", "")
    if referer:
        ref_scheme, rest = referer.split("://", 1)
        ref_host, _, ref_path = rest.partition("/")
        ref_path = "/" + ref_path
    record = {
        "Action": action,
        "ClientASN": asn,
        "ClientASNDescription": asdesc,
        "ClientCountry": country,
        "ClientIP": ip,
        "ClientIPClass": "monitoringService" if ref == "allow-uptime-monitor" else "noRecord",
        "ClientRefererHost": ref_host,
        "ClientRefererPath": ref_path,
        "ClientRefererQuery": "",
        "ClientRefererScheme": ref_scheme,
        "ClientRequestHost": host,
        "ClientRequestMethod": method,
        "ClientRequestPath": path,
        "ClientRequestProtocol": rng.choice(["HTTP/2", "HTTP/2", "HTTP/1.1", "HTTP/3"]),
        "ClientRequestQuery": query,
        "ClientRequestScheme": "https",
        "ClientRequestUserAgent": ua,
        "Datetime": timestamp(ns, fmt),
        "Description": desc,
        "EdgeColoCode": rng.choice(COLOS[:6])[0],
        "EdgeResponseStatus": status,
        "Kind": "firewall",
        "LeakedCredentialCheckResult": "clean",
        "MatchIndex": 0,
        "Metadata": {"ruleset_version": str(rng.randint(3, 40))} if source in ("firewallcustom", "ratelimit") else {},
        "OriginResponseStatus": origin,
        "OriginatorRayID": ray_id(rng) if action.endswith("solved") else "00",
        "RayID": ray_id(rng),
        "Ref": ref,
        "RuleID": rule_id if source != "securitylevel" else "",
        "Source": source,
        "ZoneName": ZONE,
    }
    keep = {"Action", "ClientIP", "Datetime", "RayID", "Source", "Kind", "RuleID", "ClientRequestHost",
            "ClientRequestPath", "EdgeResponseStatus", "Description", "ClientASNDescription", "ClientRequestQuery",
            "ClientRefererHost"}
    return thin(rng, record, keep)


# ---------------------------------------------------------------------------------------------------------
# dns_logs (authoritative DNS for example.com)

DNS_QUERIES = [("www.example.com", 1, 0), ("www.example.com", 28, 0), ("example.com", 1, 0),
               ("example.com", 15, 0), ("example.com", 16, 0), ("_dmarc.example.com", 16, 0),
               ("api.example.com", 1, 0), ("api.example.com", 28, 0), ("static.example.com", 5, 0),
               ("example.com", 6, 0), ("example.com", 2, 0), ("selector1._domainkey.example.com", 16, 0),
               ("shop.example.com", 1, 3), ("autodiscover.example.com", 1, 3), ("example.com", 257, 0),
               ("example.com", 65, 0)]
RESOLVERS = ["198.51.100.53", "198.51.100.54", "203.0.113.5", "2001:db8:53::1", "2001:db8:53::2", "192.0.2.10"]


def dns_log(rng, ns, fmt):
    name, qtype, rcode = rng.choice(DNS_QUERIES)
    source = rng.choice(RESOLVERS)
    record = {
        "ColoCode": rng.choice(COLOS)[0],
        "EDNSSubnet": "",
        "EDNSSubnetLength": 0,
        "QueryName": name,
        "QueryType": qtype,
        "ResponseCached": rng.random() < 0.6,
        "ResponseCode": rcode,
        "SourceIP": source,
        "Timestamp": timestamp(ns, fmt),
    }
    if rng.random() < 0.45:  # ECS sent by the resolver
        if ":" in source:
            record["EDNSSubnet"], record["EDNSSubnetLength"] = "2001:db8:4a0::", 56
        else:
            record["EDNSSubnet"], record["EDNSSubnetLength"] = rng.choice(
                ["198.51.100.0", "203.0.113.0", "192.0.2.0"]), 24
    return thin(rng, record, {"QueryName", "QueryType", "ResponseCode", "SourceIP", "Timestamp"}, drop=0.05)


# ---------------------------------------------------------------------------------------------------------
# gateway_dns

CATEGORIES = {  # name -> id (synthetic but stable)
    "Technology": 26, "Business": 7, "Education": 8, "Information Technology": 155, "News & Media": 15,
    "Social Networks": 149, "Advertisements": 66, "Search Engines": 145, "Content Servers": 124,
    "Productivity": 167, "Travel": 30, "Shopping & Auctions": 23, "Video Streaming": 164, "Weather": 37,
}
APPLICATIONS = {"Slack": 521, "Zoom": 610, "GitHub": 338, "Google Workspace": 373, "Microsoft 365": 496,
                "Salesforce": 584}
DOMAINS = [  # name, categories, application, answers
    ("www.example.com", ["Business"], "", ["203.0.113.10"]),
    ("wiki.example.com", ["Business"], "", ["10.20.0.15"]),
    ("mail.example.com", ["Business"], "", ["203.0.113.25"]),
    ("github.com", ["Technology", "Information Technology"], "GitHub", ["203.0.113.112"]),
    ("api.github.com", ["Technology", "Information Technology"], "GitHub", ["203.0.113.116"]),
    ("slack.com", ["Productivity", "Business"], "Slack", ["203.0.113.131", "203.0.113.132"]),
    ("zoom.us", ["Productivity"], "Zoom", ["198.51.100.170"]),
    ("outlook.office365.com", ["Productivity", "Business"], "Microsoft 365", ["203.0.113.140"]),
    ("docs.google.com", ["Productivity"], "Google Workspace", ["203.0.113.150"]),
    ("www.bbc.co.uk", ["News & Media"], "", ["203.0.113.160"]),
    ("en.wikipedia.org", ["Education"], "", ["198.51.100.180"]),
    ("www.example.org", ["Education"], "", ["198.51.100.190"]),
    ("cdn.example.net", ["Content Servers"], "", ["192.0.2.120"]),
    ("weather.example.net", ["Weather"], "", ["192.0.2.121"]),
    ("example.salesforce.com", ["Business"], "Salesforce", ["203.0.113.170"]),
]
QTYPES = [(1, "A", 6), (28, "AAAA", 3), (65, "HTTPS", 2), (15, "MX", 0.3), (16, "TXT", 0.3)]


def reverse_name(name):
    return ".".join(reversed(name.split(".")))


def gateway_dns(rng, ns, fmt):
    user = rng.choice(USERS)
    site = rng.choice(SITES)
    decision = pick(rng, [("allowedOnNoPolicyMatch", 10), ("allowedRule", 2), ("allowedByQueryName", 1),
                          ("blockedByCategory", 1), ("overrideForSafeSearch", 1), ("overrideApplied", 1)])
    name, categories, app, answers = rng.choice(DOMAINS)
    qtype, qtype_name, _ = rng.choices(QTYPES, [q[2] for q in QTYPES])[0]
    policy_id, policy_name, matched = "", "", []
    cnames = []
    redirect = ""
    if decision == "allowedRule":
        name, categories, app, answers = DOMAINS[1]
        policy_name = "Allow internal names"
    elif decision == "allowedByQueryName":
        policy_name = "Allow corporate SaaS"
    elif decision == "blockedByCategory":
        name, categories, app, answers = "ads.example.net", ["Advertisements"], "", []
        policy_name, matched = "Block advertising", ["Advertisements"]
    elif decision == "overrideForSafeSearch":
        name, categories, app, answers = "www.bing.com", ["Search Engines"], "", ["198.51.100.200"]
        cnames = ["strict.bing.com"]
        policy_name = "SafeSearch for all users"
    elif decision == "overrideApplied":
        name, categories, app, answers = "intranet.example.com", ["Business"], "", ["10.20.0.20"]
        policy_name = "Override intranet to private address"
    if policy_name:
        policy_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "policy:" + policy_name))
    if qtype == 28:
        answers = ["2001:db8:%x::%x" % (rng.randint(0x100, 0xfff), rng.randint(1, 0xff)) for _ in answers]
    elif qtype not in (1,):
        answers = []
    blocked = decision.startswith("blocked")
    rcode = 0
    ttl = rng.choice([60, 300, 300, 3600])
    records = []
    if cnames:
        records.append({"name": name, "type": "CNAME", "class": "IN", "ttl": ttl, "rdata": cnames[0] + "."})
    for answer in ([] if blocked else answers):
        records.append({"name": cnames[0] if cnames else name, "type": qtype_name, "class": "IN", "ttl": ttl,
                        "rdata": answer})
    if blocked:
        answers = ["0.0.0.0"] if qtype == 1 else []
    category_ids = [CATEGORIES[c] for c in categories]
    via_warp = rng.random() < 0.7
    record = {
        "AccountID": ACCOUNT_ID,
        "ApplicationID": APPLICATIONS.get(app, 0),
        "ApplicationName": app,
        "AuthoritativeNameServerIPs": [] if blocked or rng.random() < 0.6 else ["192.0.2.53", "198.51.100.53"],
        "CNAMEs": cnames,
        "CNAMEsReversed": [reverse_name(c) for c in cnames],
        "ColoCode": site["colo"],
        "ColoID": site["colo_id"],
        "Datetime": timestamp(ns, fmt),
        "DeviceID": user["device_id"] if via_warp else "",
        "DeviceName": user["device_name"] if via_warp else "",
        "DoHSubdomain": "" if via_warp else "a1b2c3d4e5",
        "DstIP": "" if via_warp else "198.51.100.1",
        "DstPort": 0 if via_warp else 443,
        "EDEErrors": [15] if blocked else [],
        "Email": user["email"] if via_warp else "",
        "InitialCategoryIDs": category_ids,
        "InitialCategoryNames": categories,
        "IsResponseCached": rng.random() < 0.35,
        "Location": site["name"],
        "LocationID": site["id"],
        "MatchedCategoryIDs": [CATEGORIES[c] for c in matched],
        "MatchedCategoryNames": matched,
        "PolicyID": policy_id,
        "PolicyName": policy_name,
        "Protocol": "https" if not via_warp else rng.choice(["udp", "udp", "https"]),
        "QueryApplicationIDs": [APPLICATIONS[app]] if app else [],
        "QueryApplicationNames": [app] if app else [],
        "QueryCategoryIDs": category_ids,
        "QueryCategoryNames": categories,
        "QueryID": new_uuid(rng),
        "QueryName": name,
        "QueryNameReversed": reverse_name(name),
        "QuerySize": 28 + len(name) + rng.choice([0, 11]),
        "QueryType": qtype,
        "QueryTypeName": qtype_name,
        "RCode": rcode,
        "RedirectTargetURI": redirect,
        "RegistrationID": user["registration_id"] if via_warp else "",
        "ResolvedIPs": answers,
        "ResolverDecision": decision,
        "ResourceRecordsJSON": json.dumps(records, separators=(",", ":")),
        "ResponseTimeMs": rng.randint(1, 40),
        "SrcIP": site["ip"],
        "SrcIPContinentCode": site["continent"],
        "SrcIPCountryCode": site["country"],
        "SrcPort": 0 if via_warp else rng.randint(32_768, 60_999),
        "TimeZone": "",
        "TimeZoneInferredMethod": "",
        "UpstreamRecordTTLs": [r["ttl"] for r in records],
        "UserID": user["user_id"] if via_warp else "",
    }
    keep = {"QueryName", "QueryType", "QueryTypeName", "ResolverDecision", "SrcIP", "Datetime", "RCode",
            "ResolvedIPs", "PolicyName", "Email", "DeviceName", "QueryID", "DstIP", "DstPort", "CNAMEs",
            "InitialCategoryIDs"}
    return thin(rng, record, keep)


# ---------------------------------------------------------------------------------------------------------
# gateway_http

HTTP_DESTINATIONS = [  # host, path, categories, application, method, status, content
    ("github.com", "/example-corp/storefront/pulls", ["Technology"], "GitHub", "GET", 200),
    ("api.github.com", "/repos/example-corp/storefront/actions/runs", ["Technology"], "GitHub", "GET", 200),
    ("app.slack.com", "/client/T0EXAMPLE/C0EXAMPLE", ["Productivity"], "Slack", "GET", 200),
    ("docs.google.com", "/document/d/1ExAmPlEdOcUmEnTiD/edit", ["Productivity"], "Google Workspace", "GET", 200),
    ("outlook.office365.com", "/mail/inbox", ["Productivity"], "Microsoft 365", "GET", 200),
    ("en.wikipedia.org", "/wiki/Logistics", ["Education"], "", "GET", 200),
    ("www.bbc.co.uk", "/news/technology", ["News & Media"], "", "GET", 200),
    ("wiki.example.com", "/spaces/ENG/pages/onboarding", ["Business"], "", "GET", 200),
    ("www.example.org", "/downloads/annual-report-2023.pdf", ["Education"], "", "GET", 200),
    ("cdn.example.net", "/assets/brand/logo-pack.zip", ["Content Servers"], "", "GET", 200),
    ("example.salesforce.com", "/lightning/o/Opportunity/list", ["Business"], "Salesforce", "POST", 200),
    ("www.youtube.com", "/watch", ["Video Streaming"], "", "GET", 200),
]


def gateway_http(rng, ns, fmt):
    user = rng.choice(USERS)
    site = rng.choice(SITES)
    host, path, categories, app, method, status = rng.choice(HTTP_DESTINATIONS)
    action = pick(rng, [("allow", 12), ("block", 1), ("isolate", 1)])
    policy_name = ""
    query = ""
    if host == "www.youtube.com":
        query = "v=aBcDeFgH123"
    if action == "block":
        host, path, categories, app, method = "ads.example.net", "/pixel.gif", ["Advertisements"], "", "GET"
        status, policy_name = 403, "Block advertising"
    elif action == "isolate":
        host, path, categories, app, method, status = "www.example-news.net", "/world", ["News & Media"], "", "GET", 200
        policy_name = "Isolate uncategorised news"
    elif rng.random() < 0.3:
        policy_name = "Allow corporate SaaS" if app else "Inspect all web traffic"
    url = "https://%s%s%s" % (host, path, "?" + query if query else "")
    downloaded = [path.rsplit("/", 1)[1]] if path.endswith((".pdf", ".zip")) else []
    ua = {"windows": UA_EDGE_WIN, "mac": UA_SAFARI_MAC, "linux": UA_FIREFOX_LINUX, "ios": UA_IPHONE}[user["platform"]]
    record = {
        "AccountID": ACCOUNT_ID,
        "Action": action,
        "ApplicationIDs": [APPLICATIONS[app]] if app else [],
        "ApplicationNames": [app] if app else [],
        "ApplicationStatuses": ["approved"] if app else [],
        "BlockedFileHash": "",
        "BlockedFileName": "",
        "BlockedFileReason": "",
        "BlockedFileSize": 0,
        "BlockedFileType": "",
        "CategoryIDs": [CATEGORIES[c] for c in categories],
        "CategoryNames": categories,
        "Datetime": timestamp(ns, fmt),
        "DestinationIP": "203.0.113.%d" % rng.randint(100, 180),
        "DestinationIPContinentCode": "NA",
        "DestinationIPCountryCode": "US",
        "DestinationPort": 443,
        "DeviceID": user["device_id"],
        "DeviceName": user["device_name"],
        "DownloadMatchedDlpProfileEntries": [],
        "DownloadMatchedDlpProfiles": [],
        "DownloadedFileNames": downloaded,
        "Email": user["email"],
        "FileInfo": {"files": [{"FileName": downloaded[0], "FileSize": rng.randint(200_000, 4_000_000),
                                "ContentType": "application/pdf" if downloaded[0].endswith(".pdf")
                                else "application/zip", "Direction": "download"}]} if downloaded else {},
        "ForensicCopyStatus": "",
        "HTTPHost": host,
        "HTTPMethod": method,
        "HTTPStatusCode": status,
        "HTTPVersion": rng.choice(["HTTP/2", "HTTP/2", "HTTP/1.1", "HTTP/3"]),
        "IsIsolated": action == "isolate",
        "PolicyID": str(uuid.uuid5(uuid.NAMESPACE_URL, "policy:" + policy_name)) if policy_name else "",
        "PolicyName": policy_name,
        "Quarantined": False,
        "Referer": rng.choice(["", "https://www.google.com/", "https://%s/" % host]),
        "RegistrationID": user["registration_id"],
        "RequestID": hex_id(rng, 32),
        "SessionID": hex_id(rng, 32),
        "SourceIP": site["ip"],
        "SourceIPContinentCode": site["continent"],
        "SourceIPCountryCode": site["country"],
        "SourceInternalIP": "",
        "SourcePort": rng.randint(40_000, 60_999),
        "URL": url,
        "UntrustedCertificateAction": "none",
        "UploadMatchedDlpProfileEntries": [],
        "UploadMatchedDlpProfiles": [],
        "UploadedFileNames": [],
        "UserAgent": ua,
        "UserID": user["user_id"],
        "VirtualNetworkID": "",
        "VirtualNetworkName": "",
        "Warnings": [],
    }
    keep = {"Action", "Datetime", "Email", "HTTPHost", "HTTPMethod", "HTTPStatusCode", "URL", "SourceIP",
            "DestinationIP", "DestinationPort", "UserAgent", "PolicyName", "RequestID", "DownloadedFileNames",
            "BlockedFileName", "FileInfo", "AddedHeaders", "ApplicationStatuses"}
    return thin(rng, record, keep)


# ---------------------------------------------------------------------------------------------------------
# gateway_network

NET_DESTINATIONS = [  # ip, port, transport, protocol, sni, app, categories
    ("203.0.113.112", 443, "tcp", "tls", "github.com", "GitHub", ["Technology"]),
    ("203.0.113.131", 443, "tcp", "tls", "app.slack.com", "Slack", ["Productivity"]),
    ("198.51.100.170", 8801, "udp", "", "", "Zoom", ["Productivity"]),
    ("203.0.113.150", 443, "quic", "quic", "docs.google.com", "Google Workspace", ["Productivity"]),
    ("10.20.0.15", 443, "tcp", "tls", "wiki.example.com", "", ["Business"]),
    ("10.20.0.31", 5432, "tcp", "", "", "", []),
    ("198.51.100.180", 443, "tcp", "tls", "en.wikipedia.org", "", ["Education"]),
    ("203.0.113.140", 993, "tcp", "tls", "outlook.office365.com", "Microsoft 365", ["Productivity"]),
    ("192.0.2.123", 123, "udp", "", "", "", []),
    ("198.51.100.44", 80, "tcp", "http", "", "", ["Content Servers"]),
]


def gateway_network(rng, ns, fmt):
    user = rng.choice(USERS)
    site = rng.choice(SITES)
    ip, port, transport, protocol, sni, app, categories = rng.choice(NET_DESTINATIONS)
    action = pick(rng, [("allow", 10), ("block", 1)])
    policy_name, override_ip, override_port = "", "", 0
    vnet_id, vnet_name = "", ""
    if action == "block":
        ip, port, transport, protocol, sni, app, categories = "192.0.2.200", 25, "tcp", "", "", "", []
        policy_name = "Block outbound SMTP from laptops"
    elif ip.startswith("10."):
        policy_name = "Allow private network for employees"
        vnet_id, vnet_name = str(uuid.uuid5(uuid.NAMESPACE_URL, "vnet:corp")), "corp-vnet"
    record = {
        "AccountID": ACCOUNT_ID,
        "Action": action,
        "ApplicationIDs": [APPLICATIONS[app]] if app else [],
        "ApplicationNames": [app] if app else [],
        "CategoryIDs": [CATEGORIES[c] for c in categories],
        "CategoryNames": categories,
        "Datetime": timestamp(ns, fmt),
        "DestinationIP": ip,
        "DestinationIPContinentCode": "" if ip.startswith("10.") else "NA",
        "DestinationIPCountryCode": "" if ip.startswith("10.") else "US",
        "DestinationPort": port,
        "DetectedProtocol": protocol,
        "DeviceID": user["device_id"],
        "DeviceName": user["device_name"],
        "Email": user["email"],
        "OverrideIP": override_ip,
        "OverridePort": override_port,
        "PolicyID": str(uuid.uuid5(uuid.NAMESPACE_URL, "policy:" + policy_name)) if policy_name else "",
        "PolicyName": policy_name,
        "ProxyEndpoint": "",
        "RegistrationID": user["registration_id"],
        "SNI": sni,
        "SessionID": hex_id(rng, 32),
        "SourceIP": site["ip"],
        "SourceIPContinentCode": site["continent"],
        "SourceIPCountryCode": site["country"],
        "SourceInternalIP": user["warp_ip"],
        "SourcePort": rng.randint(40_000, 60_999),
        "Transport": "tcp" if transport == "quic" else transport,
        "TransportProtocol": transport,
        "UserID": user["user_id"],
        "VirtualNetworkID": vnet_id,
        "VirtualNetworkName": vnet_name,
    }
    keep = {"Action", "Datetime", "DestinationIP", "DestinationPort", "SourceIP", "SourcePort", "Transport",
            "TransportProtocol", "OverrideIP", "OverridePort", "Email", "SessionID"}
    return thin(rng, record, keep)


# ---------------------------------------------------------------------------------------------------------
# access_requests

ACCESS_APPS = [("wiki.example.com", "okta"), ("grafana.example.com", "okta"), ("jenkins.example.com", "github"),
               ("hr.example.com", "azureAD"), ("status-admin.example.com", "onetimepin")]


def access_request(rng, ns, fmt):
    user = rng.choice(USERS)
    domain, idp = rng.choice(ACCESS_APPS)
    action = pick(rng, [("login", 8), ("logout", 2)])
    allowed = True
    country = {"LHR": "gb", "AMS": "nl", "IAD": "us"}[rng.choice(SITES)["colo"]]
    site = next(s for s in SITES if s["country"].lower() == country)
    justification = ("", "")
    approvers, duration = [], 0
    if domain == "hr.example.com" and action == "login":
        justification = ("Why do you need access to the HR portal?", "Annual leave request for June")
    if domain == "status-admin.example.com" and action == "login":
        approvers, duration = ["dana.okafor@example.com"], 3600
    if domain == "jenkins.example.com" and user["email"].startswith("farah"):
        allowed = False  # not in the engineering group; Access shows the block page
    record = {
        "Action": action,
        "Allowed": allowed,
        "AppDomain": domain,
        "AppUUID": str(uuid.uuid5(uuid.NAMESPACE_DNS, domain)),
        "Connection": idp,
        "Country": country,
        "CreatedAt": timestamp(ns, fmt),
        "Email": user["email"],
        "IPAddress": site["ip"],
        "PurposeJustificationPrompt": justification[0],
        "PurposeJustificationResponse": justification[1],
        "RayID": ray_id(rng),
        "TemporaryAccessApprovers": approvers,
        "TemporaryAccessDuration": duration,
        "UserUID": user["user_id"],
    }
    return thin(rng, record, {"Action", "Allowed", "AppDomain", "AppUUID", "CreatedAt", "Email", "IPAddress",
                              "RayID", "Connection"})


# ---------------------------------------------------------------------------------------------------------
# audit_logs

AUDIT_ACTIONS = [  # action, resource type, interface, metadata, old, new
    ("create", "DNS_record", "UI", {"zone_name": ZONE, "type": "CNAME", "name": "docs.example.com"},
     {}, {"content": "example-docs.pages.dev", "proxied": True, "ttl": 1}),
    ("update", "DNS_record", "API", {"zone_name": ZONE, "type": "A", "name": "api.example.com"},
     {"content": "203.0.113.211", "ttl": 300}, {"content": "203.0.113.212", "ttl": 300}),
    ("update", "zone", "UI", {"zone_name": ZONE, "setting": "min_tls_version"},
     {"value": "1.0"}, {"value": "1.2"}),
    ("purge", "zone", "API", {"zone_name": ZONE, "files": ["https://static.example.com/static/css/main.3f2a9c.css"]},
     {}, {}),
    ("update", "zone", "UI", {"zone_name": ZONE, "setting": "always_use_https"}, {"value": "off"}, {"value": "on"}),
    ("login", "account", "UI", {}, {}, {}),
    ("update", "worker_script", "API", {"script": "geo-lookup", "deployment": "wrangler"}, {}, {"etag": "a41c6f"}),
    ("create", "page_rule", "UI", {"zone_name": ZONE, "target": "static.example.com/*"},
     {}, {"cache_level": "cache_everything", "edge_cache_ttl": 7200}),
]


def audit_log(rng, ns, fmt):
    admins = USERS[:2] + [USERS[3]]
    user = rng.choice(admins)
    action, rtype, iface, meta, old, new = rng.choice(AUDIT_ACTIONS)
    site = rng.choice(SITES)
    record = {
        "ActionResult": True,
        "ActionType": action,
        "ActorEmail": user["email"],
        "ActorID": user["user_id"].replace("-", ""),
        "ActorIP": site["ip"],
        "ActorType": "user",
        "ID": new_uuid(rng),
        "Interface": iface,
        "Metadata": meta,
        "NewValue": new,
        "OldValue": old,
        "OwnerID": ACCOUNT_ID,
        "ResourceID": hex_id(rng) if rtype != "account" else ACCOUNT_ID,
        "ResourceType": rtype,
        "When": timestamp(ns, fmt),
    }
    return thin(rng, record, {"ActionResult", "ActionType", "ActorEmail", "ActorID", "ActorIP", "ID",
                              "ResourceType", "When", "ActorType"})


# ---------------------------------------------------------------------------------------------------------
# casb_findings

CASB_INTEGRATIONS = [
    ("Google Workspace (example.com)", "Google Workspace Standard Policy"),
    ("Microsoft 365 (example.com)", "Microsoft 365 Standard Policy"),
    ("GitHub (example-corp)", "GitHub Standard Policy"),
]
CASB_FINDINGS = [  # integration index, finding name, severity, asset name, link
    (0, "Google Drive: File Shared Publicly (Read Only)", "Low", "Spring catalogue 2024.pdf",
     "https://drive.google.com/file/d/1ExAmPlEfIlEiDsPrInG/view"),
    (0, "Google Drive: File Shared With Anyone With Link", "Medium", "Team offsite agenda.docx",
     "https://docs.google.com/document/d/1ExAmPlEaGeNdAoFfSiTe/edit"),
    (0, "Google Workspace: User Inactive For 90 Days", "Low", "intern.summer2023@example.com", ""),
    (1, "Microsoft: OneDrive File Shared Externally", "Low", "Supplier price list.xlsx",
     "https://examplecorp-my.sharepoint.com/personal/bram_dekker/Documents/Supplier%20price%20list.xlsx"),
    (1, "Microsoft: Guest User Invited", "Low", "consultant@example.org", ""),
    (2, "GitHub: Repository Is Public", "Low", "example-corp/brand-assets",
     "https://github.com/example-corp/brand-assets"),
    (2, "GitHub: Branch Protection Not Enabled", "Medium", "example-corp/docs-site",
     "https://github.com/example-corp/docs-site"),
]


def casb_finding(rng, ns, fmt):
    integ, name, severity, asset, link = rng.choice(CASB_FINDINGS)
    integ_name, vendor = CASB_INTEGRATIONS[integ]
    owner = rng.choice(USERS)
    metadata = {"owner": owner["email"], "mimeType": "application/pdf" if asset.endswith(".pdf") else "",
                "shared": True} if link else {"id": hex_id(rng, 20), "isAdmin": False}
    record = {
        "AssetDisplayName": asset,
        "AssetExternalID": hex_id(rng, 28),
        "AssetLink": link,
        "AssetMetadata": metadata,
        "DetectedTimestamp": timestamp(ns, fmt),
        "FindingTypeDisplayName": name,
        "FindingTypeID": str(uuid.uuid5(uuid.NAMESPACE_URL, "casb:" + name)),
        "FindingTypeSeverity": severity,
        "InstanceID": new_uuid(rng),
        "IntegrationDisplayName": integ_name,
        "IntegrationID": str(uuid.uuid5(uuid.NAMESPACE_URL, "integration:" + integ_name)),
        "IntegrationPolicyVendor": vendor,
    }
    return thin(rng, record, {"AssetDisplayName", "DetectedTimestamp", "FindingTypeDisplayName",
                              "FindingTypeSeverity", "InstanceID", "IntegrationDisplayName", "FindingTypeID"},
                drop=0.06)


# ---------------------------------------------------------------------------------------------------------
# device_posture_results

POSTURE_CHECKS = [  # name, type, expected, received-for(platform, passed)
    ("Disk encryption", "disk_encryption", {"requireAll": True}),
    ("Firewall enabled", "firewall", {"enabled": True}),
    ("Minimum OS version", "os_version", {"operator": ">=", "version": "10.0.19045"}),
    ("Screen lock", "screen_lock", {"enabled": True, "maxTimeoutSeconds": 600}),
    ("Client certificate", "client_certificate_v2", {"certificate_id": "b1d3f6a2-0c44-4c9e-9a0f-1e2d3c4b5a69"}),
    ("Domain joined", "domain_joined", {"domain": "corp.example.com"}),
    ("WARP client version", "client_version", {"operator": ">=", "version": "2024.3.409.0"}),
]


def device_posture(rng, ns, fmt):
    user = rng.choice(USERS[:5])  # not the phone
    name, ctype, expected = rng.choice(POSTURE_CHECKS)
    if ctype == "domain_joined" and user["platform"] != "windows":
        name, ctype, expected = POSTURE_CHECKS[0]
    passed = True
    if ctype == "disk_encryption":
        received = {"encrypted": True, "volumes": {"C:" if user["platform"] == "windows" else "/": True}}
    elif ctype == "firewall":
        received = {"enabled": True}
    elif ctype == "os_version":
        if user["platform"] != "windows":
            expected = {"operator": ">=", "version": "14.0.0" if user["platform"] == "mac" else "22.04"}
        received = {"version": user["os_version"]}
    elif ctype == "screen_lock":
        received = {"enabled": True, "timeoutSeconds": rng.choice([300, 600, 600, 900])}
        passed = received["timeoutSeconds"] <= expected["maxTimeoutSeconds"]
    elif ctype == "client_certificate_v2":
        received = {"certificate_id": expected["certificate_id"], "cn": user["device_name"]}
    elif ctype == "domain_joined":
        received = {"domain": "corp.example.com"}
    else:
        received = {"version": user["client_version"]}
        passed = user["client_version"] >= expected["version"]  # 2024.3.444.0 passes, etc.
    os_type = {"windows": "windows", "mac": "mac", "linux": "linux"}[user["platform"]]
    record = {
        "ClientVersion": user["client_version"],
        "DeviceID": user["device_id"],
        "DeviceManufacturer": user["maker"],
        "DeviceModel": user["model"],
        "DeviceName": user["device_name"],
        "DeviceSerialNumber": user["serial"],
        "DeviceType": os_type,
        "Email": user["email"],
        "OSVersion": user["os_version"],
        "PolicyID": str(uuid.uuid5(uuid.NAMESPACE_URL, "posture:" + name)),
        "PostureCheckName": name,
        "PostureCheckType": ctype,
        "PostureEvaluatedResult": passed,
        "PostureExpectedJSON": expected,
        "PostureReceivedJSON": received,
        "RegistrationID": user["registration_id"],
        "Timestamp": timestamp(ns, fmt),
        "UserUID": user["user_id"],
    }
    return thin(rng, record, {"DeviceID", "PostureCheckName", "PostureCheckType", "PostureEvaluatedResult",
                              "Timestamp", "Email", "DeviceName", "OSVersion", "DeviceType", "DeviceModel",
                              "DeviceManufacturer", "PostureExpectedJSON"})


# ---------------------------------------------------------------------------------------------------------
# dns_firewall_logs

def dns_firewall(rng, ns, fmt):
    name, qtype, rcode = rng.choice(DNS_QUERIES)
    name = name.replace("example.com", rng.choice(["example.com", "example.net", "example.org"]))
    source = rng.choice(RESOLVERS)
    cached = rng.random() < 0.55
    stale = cached and rng.random() < 0.1
    upstream_rt = 0 if cached else rng.randint(3, 60)
    record = {
        "ClientResponseCode": rcode,
        "ClusterID": "f2a37a1bd5c64e0d8e1b0a6f2c7d9e41",
        "ColoCode": rng.choice(COLOS)[0],
        "EDNSSubnet": "",
        "EDNSSubnetLength": 0,
        "QueryDO": rng.random() < 0.3,
        "QueryName": name,
        "QueryRD": rng.random() < 0.2,
        "QuerySize": 28 + len(name) + rng.choice([0, 11]),
        "QueryTCP": rng.random() < 0.05,
        "QueryType": qtype,
        "ResponseCached": cached,
        "ResponseCachedStale": stale,
        "ResponseReason": "stale" if stale else ("cached" if cached else "success"),
        "SourceIP": source,
        "Timestamp": timestamp(ns, fmt),
        "UpstreamIP": "" if cached else rng.choice(["192.0.2.53", "198.51.100.53", "2001:db8:100::53"]),
        "UpstreamResponseCode": rcode if not cached else 0,
        "UpstreamResponseTimeMs": upstream_rt,
    }
    if rng.random() < 0.3 and ":" not in source:
        record["EDNSSubnet"], record["EDNSSubnetLength"] = "203.0.113.0", 24
    return thin(rng, record, {"ClientResponseCode", "ClusterID", "QueryName", "QueryType", "SourceIP",
                              "Timestamp", "ResponseReason", "UpstreamResponseCode", "QueryRD", "QueryDO"})


# ---------------------------------------------------------------------------------------------------------
# magic_ids_detections (informational signatures only)

IDS_SIGNATURES = [  # sid, rev, message, protocol, dport
    (2016149, 2, "ET INFO Session Traversal Utilities for NAT (STUN Binding Request)", "udp", 3478),
    (2016150, 2, "ET INFO Session Traversal Utilities for NAT (STUN Binding Response)", "udp", 3478),
    (2027758, 3, "ET INFO Observed DNS Query to .cloud TLD", "udp", 53),
    (2013504, 6, "ET INFO GNU/Linux APT User-Agent Outbound likely related to package management", "tcp", 80),
    (2033966, 2, "ET INFO Observed Let's Encrypt Certificate for Subdomain", "tcp", 443),
]


def magic_ids(rng, ns, fmt):
    sid, rev, message, proto, dport = rng.choice(IDS_SIGNATURES)
    colo = rng.choice(COLOS[:5])
    src = "10.40.%d.%d" % (rng.randint(0, 3), rng.randint(10, 250))
    dst = rng.choice(["203.0.113.%d" % rng.randint(1, 99), "198.51.100.%d" % rng.randint(100, 160)])
    inbound = sid == 2033966 and rng.random() < 0.5
    if inbound:
        src, dst = dst, src
    record = {
        "Action": "pass",
        "ColoCity": colo[1],
        "ColoCode": colo[0],
        "DestinationIP": dst,
        "DestinationPort": dport,
        "Protocol": proto,
        "SignatureID": sid,
        "SignatureMessage": message,
        "SignatureRevision": rev,
        "SourceIP": src,
        "SourcePort": rng.randint(32_768, 60_999),
        "Timestamp": timestamp(ns, fmt),
    }
    if inbound:
        record["DestinationPort"], record["SourcePort"] = record["SourcePort"], 443
    return thin(rng, record, {"SignatureID", "SignatureMessage", "SignatureRevision", "Timestamp", "SourceIP",
                              "DestinationIP", "Action", "Protocol"}, drop=0.05)


# ---------------------------------------------------------------------------------------------------------
# nel_reports

NEL_TYPES = [("dns", "dns.name_not_resolved"), ("connection", "tcp.timed_out"), ("connection", "tcp.reset"),
             ("connection", "tls.protocol.error"), ("application", "http.response.invalid.empty"),
             ("application", "http.protocol.error"), ("connection", "tcp.closed"), ("unknown", "abandoned")]


def nel_report(rng, ns, fmt):
    _, asn, asdesc, country, *_ = rng.choice(VISITORS)
    phase, kind = rng.choice(NEL_TYPES)
    record = {
        "ClientIPASN": asn,
        "ClientIPASNDescription": asdesc,
        "ClientIPCountry": country.upper(),
        "LastKnownGoodColoCode": rng.choice(COLOS)[0],
        "Phase": phase,
        "Timestamp": timestamp(ns, fmt),
        "Type": kind,
    }
    return thin(rng, record, {"ClientIPASN", "ClientIPCountry", "LastKnownGoodColoCode", "Phase", "Timestamp",
                              "Type"})


# ---------------------------------------------------------------------------------------------------------
# network_analytics_logs (Magic Transit / Spectrum sampled packets, all passed)

def subnet(ip):
    if ":" in ip:
        return ip.split("::")[0] + "::/64"
    return ".".join(ip.split(".")[:3]) + ".0/24"


def network_analytics(rng, ns, fmt):
    colo = rng.choice(COLOS)
    proto = pick(rng, [("tcp", 7), ("udp", 3), ("icmp", 1)])
    ingress = rng.random() < 0.8
    remote = rng.choice(VISITORS)
    remote_ip = remote[0] if ":" not in remote[0] else "198.51.100.%d" % rng.randint(2, 250)
    local_ip = "203.0.113.%d" % rng.choice([10, 25, 210, 211])
    src, dst = (remote_ip, local_ip) if ingress else (local_ip, remote_ip)
    service_port = {"tcp": rng.choice([443, 443, 80, 25]), "udp": rng.choice([53, 443, 123]), "icmp": 0}[proto]
    eph = rng.randint(32_768, 60_999)
    sport, dport = (eph, service_port) if ingress else (service_port, eph)
    if proto == "icmp":
        sport = dport = 0
    length = {"tcp": rng.choice([52, 60, 1500, 640]), "udp": rng.choice([74, 90, 1252]), "icmp": 84}[proto]
    ttl = rng.choice([52, 57, 58, 116, 244])
    record = {
        "AttackCampaignID": "", "AttackID": "", "AttackVector": "",
        "ColoCity": colo[1], "ColoCode": colo[0], "ColoCountry": colo[2], "ColoGeoHash": colo[5],
        "ColoName": colo[4],
        "Datetime": timestamp(ns, fmt),
        "DestinationASN": 64496 if ingress else remote[1],
        "DestinationASNName": "EXAMPLE-CORP" if ingress else remote[2],
        "DestinationCountry": "US" if ingress else remote[3].upper(),
        "DestinationGeoHash": "dqcjqcp" if ingress else "gcw2j0n",
        "DestinationPort": dport,
        "Direction": "ingress" if ingress else "egress",
        "IPDestinationAddress": dst, "IPDestinationSubnet": subnet(dst),
        "IPFragmentOffset": 0, "IPHeaderLength": 20, "IPMoreFragments": 0,
        "IPProtocol": {"tcp": 6, "udp": 17, "icmp": 1}[proto], "IPProtocolName": proto,
        "IPSourceAddress": src, "IPSourceSubnet": subnet(src),
        "IPTTL": ttl, "IPTTLBuckets": ttl // 10 * 10,
        "IPTotalLength": length, "IPTotalLengthBuckets": length // 100 * 100,
        "IPv4Checksum": rng.randint(1, 65_535), "IPv4DSCP": 0, "IPv4DontFragment": 1, "IPv4ECN": 0,
        "IPv4Identification": rng.randint(0, 65_535), "IPv4Options": "",
        "MitigationReason": "", "MitigationScope": "",
        "MitigationSystem": pick(rng, [("flowtrackd", 3), ("dosd", 2), ("magic-firewall", 2)]),
        "Outcome": "pass", "ProtocolState": "",
        "RuleID": "", "RuleName": "", "RulesetID": "", "RulesetOverrideID": "",
        "SampleInterval": rng.choice([100, 1000, 1000, 10_000]),
        "SourceASN": remote[1] if ingress else 64496,
        "SourceASNName": remote[2] if ingress else "EXAMPLE-CORP",
        "SourceCountry": remote[3].upper() if ingress else "US",
        "SourceGeoHash": "gcw2j0n" if ingress else "dqcjqcp",
        "SourcePort": sport,
        "Verdict": "pass",
    }
    if proto == "tcp":
        flags, flag_string = rng.choice([(0x10, "A"), (0x18, "AP"), (0x02, "S"), (0x12, "SA"), (0x11, "AF")])
        record.update({
            "ProtocolState": {"S": "NEW", "SA": "NEW", "AF": "CLOSING"}.get(flag_string, "OPEN"),
            "TCPAcknowledgementNumber": 0 if flag_string == "S" else rng.getrandbits(32),
            "TCPChecksum": rng.randint(1, 65_535), "TCPDataOffset": 8 if flag_string in ("S", "SA") else 5,
            "TCPFlags": flags, "TCPFlagsString": flag_string,
            "TCPMSS": 1460 if flag_string in ("S", "SA") else 0,
            "TCPOptions": "2,4,8,1,3" if flag_string in ("S", "SA") else "",
            "TCPSACKBlocks": "", "TCPSACKPermitted": 1 if flag_string in ("S", "SA") else 0,
            "TCPSequenceNumber": rng.getrandbits(32),
            "TCPTimestampECR": 0, "TCPTimestampValue": rng.getrandbits(31) if flag_string in ("S", "SA") else 0,
            "TCPUrgentPointer": 0, "TCPWindowScale": 7 if flag_string in ("S", "SA") else 0,
            "TCPWindowSize": rng.choice([64_240, 65_535, 502, 501]),
        })
    elif proto == "udp":
        record.update({"UDPChecksum": rng.randint(1, 65_535), "UDPPayloadLength": length - 28})
        if service_port == 53 and ingress:
            record.update({"DNSQueryName": "www.example.com", "DNSQueryType": rng.choice(["A", "AAAA", "HTTPS"])})
    else:
        record.update({"ICMPChecksum": rng.randint(1, 65_535), "ICMPCode": 0, "ICMPType": 8 if ingress else 0})
    if rng.random() < 0.3:  # arrived over the customer's GRE tunnel
        record.update({"GREChecksum": 0, "GREEtherType": 2048, "GREHeaderLength": 4, "GREKey": 0,
                       "GRESequenceNumber": 0, "GREVersion": 0})
    return thin(rng, record, {"Datetime", "IPSourceAddress", "IPDestinationAddress", "IPProtocol",
                              "IPProtocolName", "SampleInterval", "Verdict", "Outcome", "MitigationSystem",
                              "ColoGeoHash", "TCPFlagsString", "AttackID", "AttackVector", "MitigationReason",
                              "ColoCode", "Direction", "SourcePort", "DestinationPort"}, drop=0.06)


# ---------------------------------------------------------------------------------------------------------
# zero_trust_network_sessions

def zt_session(rng, start_ns, fmt):
    user = rng.choice(USERS)
    site = rng.choice(SITES)
    ip, port, transport, protocol, sni, app, _ = rng.choice(NET_DESTINATIONS)
    private = ip.startswith("10.")
    proto = "UDP" if transport in ("udp", "quic") else "TCP"
    tls = protocol == "tls"
    duration_ms = rng.randint(200, 600_000)
    end_ns = start_ns + duration_ms * 1_000_000 + rng.randint(0, 999_999)
    colo = site["colo"]
    record = {
        "AccountID": ACCOUNT_ID,
        "BytesReceived": rng.randint(2_000, 9_000_000),
        "BytesSent": rng.randint(600, 400_000),
        "ClientTCPHandshakeDurationMs": rng.randint(1, 30) if proto == "TCP" else 0,
        "ClientTLSCipher": "TLS_AES_128_GCM_SHA256" if tls else "",
        "ClientTLSHandshakeDurationMs": rng.randint(5, 60) if tls else 0,
        "ClientTLSVersion": "TLSv1.3" if tls else "",
        "ConnectionCloseReason": rng.choice(["CLIENT_CLOSED", "CLIENT_CLOSED", "ORIGIN_CLOSED",
                                             "CLIENT_IDLE_TIMEOUT"]) if proto == "TCP" else "",
        "ConnectionReuse": False,
        "DestinationTunnelID": str(uuid.uuid5(uuid.NAMESPACE_URL, "tunnel:corp-dc")) if private else "",
        "DetectedProtocol": protocol,
        "DeviceID": user["device_id"],
        "DeviceName": user["device_name"],
        "EgressColoName": colo,
        "EgressIP": "" if private else "192.0.2.%d" % rng.randint(130, 140),
        "EgressPort": 0 if private else rng.randint(10_000, 60_999),
        "EgressRuleID": "",
        "EgressRuleName": "",
        "Email": user["email"],
        "IngressColoName": colo,
        "InitialOriginIP": ip,
        "Offramp": "CFD_TUNNEL" if private else "INTERNET",
        "OriginIP": ip,
        "OriginPort": port,
        "OriginTLSCertificateIssuer": ("Example Corp Internal CA" if private else "R3") if tls else "",
        "OriginTLSCertificateValidationResult": "VALID" if tls else "NONE",
        "OriginTLSCipher": "TLS_AES_128_GCM_SHA256" if tls else "",
        "OriginTLSHandshakeDurationMs": rng.randint(8, 90) if tls else 0,
        "OriginTLSVersion": "TLSv1.3" if tls else "",
        "Protocol": proto,
        "RegistrationID": user["registration_id"],
        "ResolvedFQDN": sni,
        "RuleEvaluationDurationMs": rng.randint(0, 3),
        "SNI": sni,
        "SessionEndTime": timestamp(end_ns, fmt),
        "SessionID": hex_id(rng, 32),
        "SessionStartTime": timestamp(start_ns, fmt),
        "SourceIP": site["ip"],
        "SourceInternalIP": user["warp_ip"],
        "SourcePort": rng.randint(40_000, 60_999),
        "TenantID": "",
        "UserID": user["user_id"],
        "VirtualNetworkID": str(uuid.uuid5(uuid.NAMESPACE_URL, "vnet:corp")),
    }
    if site["name"].startswith("Home") and rng.random() < 0.5:
        record["EgressRuleName"] = "Dedicated egress for US SaaS"
        record["EgressRuleID"] = str(uuid.uuid5(uuid.NAMESPACE_URL, "egress:us"))
    return thin(rng, record, {"SessionID", "SessionStartTime", "SessionEndTime", "SourceIP", "OriginIP",
                              "OriginPort", "Protocol", "Email", "BytesSent", "BytesReceived", "Offramp",
                              "ClientTLSCipher", "EgressIP"})


# ---------------------------------------------------------------------------------------------------------
# page_shield_events

PAGE_SHIELD = [  # directive, resource type, url
    ("script-src", "script", "https://cdn.jsdelivr.net/npm/chart.js@4.4.2/dist/chart.umd.min.js"),
    ("script-src", "script", "https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE123"),
    ("script-src", "script", "https://static.example.net/widgets/reviews.v3.js"),
    ("connect-src", "connection", "https://api.example.net/v2/reviews?product=1842"),
    ("connect-src", "connection", "https://region1.google-analytics.com/g/collect"),
    ("img-src", "other", "https://images.example.org/banners/spring.png"),
    ("font-src", "other", "https://fonts.gstatic.com/s/inter/v13/UcC73FwrK3iLTeHuS_fvQtMwCp50KnMa1ZL7.woff2"),
]


def page_shield(rng, ns, fmt):
    directive, rtype, url = rng.choice(PAGE_SHIELD)
    page = rng.choice(["/", "/products", "/cart", "/checkout", "/blog"])
    record = {
        "Action": pick(rng, [("log", 4), ("allow", 1)]),
        "CSPDirective": directive,
        "Host": "www.example.com",
        "PageURL": "https://www.example.com" + page,
        "PolicyID": "6f2a6e8b1c3d4e5f9a0b1c2d3e4f5a6b",
        "ResourceType": rtype,
        "Timestamp": timestamp(ns, fmt),
        "URL": url,
        "URLContainsCDNCGIPath": False,
        "URLHost": url.split("/")[2],
    }
    return thin(rng, record, {"CSPDirective", "PageURL", "URLHost", "URL", "Timestamp", "Action", "Host"})


# ---------------------------------------------------------------------------------------------------------
# sinkhole_http_logs (internal clients still calling decommissioned example hostnames)

SINKHOLE_HOSTS = [("updates.legacy-tools.example", "/check?version=4.2.1&channel=stable", "GET"),
                  ("telemetry.old-printer-vendor.example", "/v1/status", "POST"),
                  ("intranet-old.example.net", "/", "GET"),
                  ("wpad.corp.example.com", "/wpad.dat", "GET"),
                  ("time.legacy-tools.example", "/api/time", "GET")]


def sinkhole(rng, ns, fmt):
    host, uri, method = rng.choice(SINKHOLE_HOSTS)
    site = rng.choice(SITES)
    src = site["internal"] % rng.randint(20, 220)
    ua = {"updates.legacy-tools.example": "LegacyTools-Updater/4.2.1",
          "telemetry.old-printer-vendor.example": "PrinterAgent/1.7 (Windows NT 10.0)",
          "wpad.corp.example.com": "WinHttp-Autoproxy-Service/5.1",
          "time.legacy-tools.example": "LegacyTools-Updater/4.2.1"}.get(host, UA_EDGE_WIN)
    body = '{"device":"PRN-0412","state":"idle","toner":64}' if method == "POST" else ""
    headers = "Accept: */*\\nHost: %s\\nUser-Agent: %s" % (host, ua)
    if body:
        headers += "\\nContent-Type: application/json\\nContent-Length: %d" % len(body)
    record = {
        "AccountID": ACCOUNT_ID,
        "Body": body,
        "BodyLength": len(body),
        "DestAddr": "192.0.2.250",
        "Headers": headers,
        "Host": host,
        "Method": method,
        "Password": "",
        "R2Path": "",
        "Referrer": "",
        "SinkholeID": "0b3d5f7a9c1e4b2d8f6a4c2e0b9d7f5a",
        "SrcAddr": src,
        "Timestamp": timestamp(ns, fmt),
        "URI": uri,
        "URL": "http://%s%s" % (host, uri),
        "UserAgent": ua,
        "Username": "",
    }
    return thin(rng, record, {"Host", "Method", "SinkholeID", "SrcAddr", "DestAddr", "Timestamp", "URI", "URL",
                              "Body", "BodyLength", "Username", "Password"})


# ---------------------------------------------------------------------------------------------------------
# spectrum_events

SPECTRUM_APPS = [  # app id, sni, origin port, proto, tls mode, proxy protocol
    ("4a8f1e2b6c3d47e9b0a1c2d3e4f5a6b7", "mqtt.example.com", 8883, "tcp", "full", "off"),
    ("9b7c6d5e4f3a4b2c8d1e0f9a8b7c6d5e", "play.example.net", 25565, "tcp", "off", "v1"),
    ("2c4e6a8b0d1f43a5b7c9e1f3a5b7c9d1", "smtp-relay.example.com", 587, "tcp", "off", "off"),
]


def spectrum(rng, ns, fmt):
    app, sni, port, proto, mode, pp = rng.choice(SPECTRUM_APPS)
    ip, asn, _, country, *_ = rng.choice(VISITORS)
    event = pick(rng, [("connect", 1), ("disconnect", 1)])
    colo = rng.choice(COLOS[:6])
    tls = mode != "off"
    connect_ns = ns - (0 if event == "connect" else rng.randint(5, 3_600) * 1_000_000_000)
    record = {
        "Application": app,
        "ClientAsn": asn,
        "ClientBytes": 0 if event == "connect" else rng.randint(800, 600_000),
        "ClientCountry": country,
        "ClientIP": ip,
        "ClientMatchedIpFirewall": "UNKNOWN",
        "ClientPort": rng.randint(32_768, 60_999),
        "ClientProto": proto,
        "ClientTcpRtt": rng.randint(8, 160) * 1_000_000,
        "ClientTlsCipher": "AEAD-AES128-GCM-SHA256" if tls else "",
        "ClientTlsClientHelloServerName": sni if tls else "",
        "ClientTlsProtocol": "TLSv1.3" if tls else "none",
        "ClientTlsStatus": "OK" if tls else "UNKNOWN",
        "ColoCode": colo[0],
        "ConnectTimestamp": timestamp(connect_ns, fmt),
        "DisconnectTimestamp": timestamp(ns, fmt) if event == "disconnect" else 0,
        "Event": event,
        "IpFirewall": False,
        "OriginBytes": 0 if event == "connect" else rng.randint(800, 2_000_000),
        "OriginIP": "203.0.113.%d" % {8883: 220, 25565: 221, 587: 222}[port],
        "OriginPort": port,
        "OriginProto": proto,
        "OriginTcpRtt": rng.randint(1, 30) * 1_000_000,
        "OriginTlsCipher": "AEAD-AES128-GCM-SHA256" if tls else "",
        "OriginTlsFingerprint": hashlib.sha256(sni.encode()).hexdigest() if tls else "",
        "OriginTlsMode": mode,
        "OriginTlsProtocol": "TLSv1.3" if tls else "none",
        "OriginTlsStatus": "OK" if tls else "UNKNOWN",
        "ProxyProtocol": pp,
        "Status": 0,
        "Timestamp": timestamp(ns, fmt),
    }
    return thin(rng, record, {"Application", "ClientIP", "ClientPort", "Event", "Timestamp", "ConnectTimestamp",
                              "OriginIP", "OriginPort", "ClientProto", "Status", "ClientAsn", "ClientTlsStatus"})


# ---------------------------------------------------------------------------------------------------------
# workers_trace_events

WORKERS = [("geo-lookup", "fetch", ["production"]), ("image-resizer", "fetch", ["production", "media"]),
           ("nightly-sitemap", "scheduled", ["cron"]), ("order-events", "queue", ["production"]),
           ("session-room", "alarm", ["durable-objects"])]


def worker_trace(rng, ns, fmt):
    script, event_type, tags = rng.choice(WORKERS)
    ms = ns // 1_000_000
    cpu = rng.randint(1, 12)
    logs = []
    if event_type == "fetch":
        if script == "geo-lookup":
            url, method, status = "https://api.example.com/api/v1/geo", "GET", 200
        else:
            url = "https://static.example.com/cdn-cgi/image/width=480,quality=80/images/hero-spring.webp"
            method, status = "GET", 200
        event = {"RayID": ray_id(rng), "Request": {"URL": url, "Method": method}, "Response": {"Status": status}}
        if rng.random() < 0.4:
            logs = [{"Level": "log", "Message": ["cache lookup", "miss"], "TimestampMs": ms + 1}]
    elif event_type == "scheduled":
        event = {"Cron": "15 2 * * *", "ScheduledTimeMs": ms - ms % 60_000}
        logs = [{"Level": "info", "Message": ["sitemap written", 1842], "TimestampMs": ms + 200}]
        cpu = rng.randint(40, 180)
    elif event_type == "queue":
        event = {"Queue": "order-events", "BatchSize": rng.randint(1, 25)}
    else:
        event = {"ScheduledTimeMs": ms}
    record = {
        "CPUTimeMs": cpu,
        "DispatchNamespace": "",
        "Entrypoint": "SessionRoom" if event_type == "alarm" else "",
        "Event": event,
        "EventTimestampMs": ms,
        "EventType": event_type,
        "Exceptions": [],
        "Logs": logs,
        "Outcome": "ok",
        "ScriptName": script,
        "ScriptTags": tags,
        "ScriptVersion": {"ID": str(uuid.uuid5(uuid.NAMESPACE_URL, "worker:" + script)),
                          "Message": "", "Tag": "v%d" % rng.randint(30, 60)},
        "WallTimeMs": cpu + rng.randint(0, 120),
    }
    return thin(rng, record, {"EventTimestampMs", "EventType", "Outcome", "ScriptName", "Event", "CPUTimeMs",
                              "WallTimeMs", "Logs", "Exceptions"})


# ---------------------------------------------------------------------------------------------------------
# dex_application_tests

DEX_TESTS = [  # test id, type, target
    (str(uuid.uuid5(uuid.NAMESPACE_URL, "dex:wiki")), "http", "https://wiki.example.com/"),
    (str(uuid.uuid5(uuid.NAMESPACE_URL, "dex:shop")), "http", "https://www.example.com/healthz"),
    (str(uuid.uuid5(uuid.NAMESPACE_URL, "dex:docs")), "http", "https://docs.google.com/"),
    (str(uuid.uuid5(uuid.NAMESPACE_URL, "dex:trace-wiki")), "traceroute", "wiki.example.com"),
    (str(uuid.uuid5(uuid.NAMESPACE_URL, "dex:trace-site")), "traceroute", "www.example.org"),
]
ISP = {"LHR": ("198.51.100.23", "London", "GB", "ENG", "EC1A", 64501, "EXAMPLE-BROADBAND"),
       "AMS": ("198.51.100.87", "Amsterdam", "NL", "NH", "1012", 64505, "EXAMPLE-IX-TRANSIT"),
       "IAD": ("203.0.113.54", "Ashburn", "US", "VA", "20147", 64503, "EXAMPLE-CABLE")}


def dex_test(rng, ns, fmt):
    user = rng.choice(USERS[:5])
    site = rng.choice(SITES)
    test_id, ttype, target = rng.choice(DEX_TESTS)
    isp_ip, city, cc, st, zipc, asn, aso = ISP[site["colo"]]
    record = {
        "AccountID": ACCOUNT_ID,
        "ClientPlatform": user["platform"],
        "ClientVersion": user["client_version"],
        "ColoCode": site["colo"],
        "DeviceID": user["device_id"],
        "DeviceRegistrationID": user["registration_id"],
        "ExecutionContext": pick(rng, [("inTunnel", 4), ("outOfTunnel", 1)]),
        "TestID": test_id,
        "TestType": ttype,
        "Timestamp": timestamp(ns, fmt),
        "TunnelType": rng.choice(["masque", "masque", "wireguard"]),
        "UserEmail": user["email"],
        "UserID": user["user_id"],
    }
    if ttype == "http":
        host = target.split("/")[2]
        server = {"wiki.example.com": "10.20.0.15", "www.example.com": "203.0.113.10",
                  "docs.google.com": "203.0.113.150"}[host]
        dns_start = 0
        dns_end = rng.randint(1, 25)
        conn_end = dns_end + rng.randint(5, 40)
        tls_start = dns_end + 1
        req = conn_end + rng.randint(8, 40)
        resp_start = req + rng.randint(20, 200)
        resp_end = resp_start + rng.randint(1, 60)
        record.update({
            "HTTPClientIPASN": asn, "HTTPClientIPASO": aso, "HTTPClientIPAddress": isp_ip,
            "HTTPClientIPCity": city, "HTTPClientIPCountryISO": cc, "HTTPClientIPNetmask": "255.255.255.0",
            "HTTPClientIPStateISO": st, "HTTPClientIPVersion": "4", "HTTPClientIPZip": zipc,
            "HTTPConnectEndMs": conn_end, "HTTPConnectStartMs": dns_end,
            "HTTPDomainLookupEndMs": dns_end, "HTTPDomainLookupStartMs": dns_start,
            "HTTPErrorMessage": "", "HTTPMethod": "GET",
            "HTTPRequestStartMs": req, "HTTPResponseBodyBytes": rng.randint(1_000, 60_000),
            "HTTPResponseEndMs": resp_end, "HTTPResponseHeaderBytes": rng.randint(300, 900),
            "HTTPResponseStartMs": resp_start, "HTTPSecureConnectionStartMs": tls_start,
            "HTTPServerIPASN": 0 if server.startswith("10.") else 64496,
            "HTTPServerIPASO": "" if server.startswith("10.") else "EXAMPLE-CORP",
            "HTTPServerIPAddress": server, "HTTPServerIPCity": "" if server.startswith("10.") else "Ashburn",
            "HTTPServerIPCountryISO": "" if server.startswith("10.") else "US",
            "HTTPServerIPNetmask": "255.255.255.0", "HTTPServerIPStateISO": "" if server.startswith("10.") else "VA",
            "HTTPServerIPVersion": "4", "HTTPServerIPZip": "", "HTTPStatusCode": 200, "HTTPURL": target,
        })
        if rng.random() < 0.4:
            record["HTTPResponseHeaders"] = [{"name": "content-type", "value": "text/html; charset=utf-8"},
                                             {"name": "cache-control", "value": "no-store"}]
    else:
        dest = {"wiki.example.com": "10.20.0.15", "www.example.org": "198.51.100.190"}[target]
        hops = []
        rtt_base = rng.randint(1, 4)
        hop_ips = ["192.168.1.1", "100.64.12.1", "198.51.100.1", "192.0.2.129", dest]
        for ttl, hop_ip in enumerate(hop_ips, start=1):
            rtt_base += rng.randint(1, 9)
            hops.append({"errors": [], "ip": {"address": hop_ip, "asn": 0 if hop_ip.startswith(("10.", "192.168.", "100.64."))
                                              else 64500 + ttl, "aso": "", "location": {"city": "", "countryISO": "",
                                                                                          "stateISO": "", "zip": ""},
                                              "netmask": "", "version": "4"},
                         "name": "", "pathID": 0, "received": 3, "rtts": [rtt_base * 1000 + rng.randint(0, 900)
                                                                            for _ in range(3)],
                         "sent": 3, "ttl": ttl})
        end_ns = ns + rng.randint(2, 9) * 1_000_000_000
        record.update({
            "TracerouteDestinationHostname": target, "TracerouteDestinationIPAddress": dest,
            "TracerouteDestinationIPASN": 0 if dest.startswith("10.") else 64496,
            "TracerouteDestinationIPASO": "" if dest.startswith("10.") else "EXAMPLE-CORP",
            "TracerouteDestinationIPCity": "", "TracerouteDestinationIPCountryISO": "" if dest.startswith("10.") else "US",
            "TracerouteDestinationIPNetmask": "255.255.255.0", "TracerouteDestinationIPStateISO": "",
            "TracerouteDestinationIPVersion": "4", "TracerouteDestinationIPZip": "",
            "TracerouteDurationMs": (end_ns - ns) // 1_000_000, "TracerouteHops": hops, "TracerouteMaxTTL": 64,
            "TracerouteProtocol": rng.choice(["icmp", "udp"]), "TracerouteSize": 64,
            "TracerouteSourceIPASN": asn, "TracerouteSourceIPASO": aso, "TracerouteSourceIPAddress": isp_ip,
            "TracerouteSourceIPCity": city, "TracerouteSourceIPCountryISO": cc,
            "TracerouteSourceIPNetmask": "255.255.255.0", "TracerouteSourceIPStateISO": st,
            "TracerouteSourceIPVersion": "4", "TracerouteSourceIPZip": zipc,
            "TracerouteStatus": "destinationReached", "TracerouteTimeEnd": timestamp(end_ns, fmt),
            "TracerouteVersion": "1.0.3",
        })
    return thin(rng, record, {"TestID", "TestType", "Timestamp", "DeviceID", "HTTPURL", "HTTPStatusCode",
                              "HTTPClientIPAddress", "HTTPServerIPAddress", "HTTPResponseStartMs", "TracerouteHops",
                              "TracerouteSourceIPAddress", "TracerouteDestinationIPAddress", "TracerouteStatus",
                              "ExecutionContext", "UserEmail"}, drop=0.06)


# ---------------------------------------------------------------------------------------------------------
# dex_device_state_events

def dex_state(rng, ns, fmt):
    user = rng.choice(USERS[:5])
    site = rng.choice(SITES)
    isp_ip, city, cc, st, zipc, asn, aso = ISP[site["colo"]]
    status = pick(rng, [("connected", 9), ("paused", 1)])
    wifi = rng.random() < 0.7
    record = {
        "AccountID": ACCOUNT_ID,
        "AlwaysOn": True,
        "AppFirewallEnabled": user["platform"] == "mac",
        "BatteryCharging": rng.random() < 0.5,
        "BatteryCycles": rng.randint(40, 600),
        "BatteryPercentage": round(rng.uniform(0.2, 1.0), 2),
        "CPUPercentage": round(rng.uniform(0.03, 0.6), 3),
        "CPUPercentageByApp": [{"name": "chrome", "percentage": round(rng.uniform(0.01, 0.2), 3)},
                               {"name": "slack", "percentage": round(rng.uniform(0.0, 0.05), 3)},
                               {"name": "zoom", "percentage": round(rng.uniform(0.0, 0.1), 3)}],
        "ClientPlatform": user["platform"],
        "ClientVersion": user["client_version"],
        "ConnectionType": "wifi" if wifi else "ethernet",
        "DeviceID": user["device_id"],
        "DeviceIPv4Address": user["lan_ip"],
        "DeviceIPv4Netmask": "255.255.255.0",
        "DeviceIPv6Address": "",
        "DeviceIPv6Netmask": "",
        "DeviceRegistrationID": user["registration_id"],
        "DeviceRegistrationProfileID": str(uuid.uuid5(uuid.NAMESPACE_URL, "profile:default")),
        "DiskReadBPS": rng.randint(0, 9_000_000),
        "DiskUsagePercentage": round(rng.uniform(0.3, 0.8), 2),
        "DiskWriteBPS": rng.randint(0, 4_000_000),
        "DoHSubdomain": "a1b2c3d4e5",
        "FirewallEnabled": True,
        "GatewayIPv4Address": user["lan_ip"].rsplit(".", 1)[0] + ".1",
        "GatewayIPv4Netmask": "255.255.255.0",
        "GatewayIPv6Address": "",
        "GatewayIPv6Netmask": "",
        "HandshakeLatencyMs": rng.randint(8, 45) if status == "connected" else -1,
        "ISPIPv4ASN": asn, "ISPIPv4ASO": aso, "ISPIPv4Address": isp_ip, "ISPIPv4City": city,
        "ISPIPv4CountryISO": cc, "ISPIPv4Netmask": "255.255.255.0", "ISPIPv4StateISO": st, "ISPIPv4Zip": zipc,
        "Mode": "warp+doh",
        "NetworkReceivedBPS": rng.randint(2_000, 4_000_000),
        "NetworkSSID": rng.choice(["ExampleCorp", "ExampleCorp-5G", "Home-Fibre"]) if wifi else "",
        "NetworkSentBPS": rng.randint(1_000, 900_000),
        "RAMAvailableKB": rng.choice([8, 16, 32]) * 1_048_576 - rng.randint(3_000_000, 7_000_000),
        "RAMUsedPercentage": round(rng.uniform(0.35, 0.85), 2),
        "RAMUsedPercentageByApp": [{"name": "chrome", "percentage": round(rng.uniform(0.05, 0.25), 3)},
                                   {"name": "code", "percentage": round(rng.uniform(0.01, 0.1), 3)}],
        "Status": status,
        "SwitchLocked": True,
        "Timestamp": timestamp(ns, fmt),
        "TunnelStatsDownstream": {"rttUs": rng.randint(8_000, 40_000), "minRttUs": 7_500,
                                  "rttVarUs": rng.randint(500, 4_000), "packetsSent": rng.randint(1_000, 90_000),
                                  "packetsLost": rng.randint(0, 12), "packetsRetransmitted": rng.randint(0, 12),
                                  "bytesSent": rng.randint(1_000_000, 90_000_000), "bytesLost": 0,
                                  "bytesRetransmitted": rng.randint(0, 16_000)},
        "TunnelStatsUpstream": {"rttUs": rng.randint(8_000, 40_000), "minRttUs": 7_500,
                                "rttVarUs": rng.randint(500, 4_000), "packetsSent": rng.randint(1_000, 60_000),
                                "packetsLost": rng.randint(0, 8), "packetsRetransmitted": rng.randint(0, 8),
                                "bytesSent": rng.randint(100_000, 9_000_000), "bytesLost": 0,
                                "bytesRetransmitted": rng.randint(0, 9_000)},
        "TunnelType": "masque",
        "WarpColoCode": site["colo"],
        "WiFiStrengthDBM": rng.randint(-72, -38) if wifi else 0,
    }
    if user["platform"] == "mac":
        record["ExperimentalExtra"] = {"thermalState": "nominal"}
    return thin(rng, record, {"DeviceID", "Timestamp", "Status", "CPUPercentage", "RAMUsedPercentage",
                              "RAMAvailableKB", "DeviceIPv4Address", "ISPIPv4Address", "WarpColoCode",
                              "HandshakeLatencyMs", "SwitchLocked", "AlwaysOn", "ClientPlatform"}, drop=0.08)


# ---------------------------------------------------------------------------------------------------------
# dlp_forensic_copies (a DLP "internal only" label matched; payloads are harmless text)

DLP_PAYLOADS = [
    ("request", "application/json",
     '{"title":"Roadmap Q3 (INTERNAL ONLY)","body":"Draft milestones for the storefront redesign."}'),
    ("request", "text/plain", "Classification: INTERNAL ONLY\nMeeting notes - supplier review, week 20."),
    ("response", "text/csv", "sku,name,price\n1842,Rain jacket (women),89.00\n1843,Trail shoes,119.00\n"),
]


def dlp_copy(rng, ns, fmt):
    phase, ctype, payload = rng.choice(DLP_PAYLOADS)
    user = rng.choice(USERS)
    headers = {"content-type": ctype, "host": rng.choice(["docs.google.com", "app.slack.com", "www.example.org"]),
               "user-agent": UA_EDGE_WIN if user["platform"] == "windows" else UA_SAFARI_MAC}
    record = {
        "AccountID": ACCOUNT_ID,
        "Datetime": timestamp(ns, fmt),
        "ForensicCopyID": new_uuid(rng),
        "GatewayRequestID": hex_id(rng, 32),
        "Headers": headers,
        "Payload": base64.b64encode(payload.encode()).decode(),
        "Phase": phase,
        "TriggeredRuleID": str(uuid.uuid5(uuid.NAMESPACE_URL, "policy:Copy INTERNAL ONLY uploads")),
    }
    return thin(rng, record, {"ForensicCopyID", "GatewayRequestID", "Payload", "TriggeredRuleID", "Datetime",
                              "Phase"})


# ---------------------------------------------------------------------------------------------------------
# email_security_alerts (clean and bulk mail only)

MAIL_SENDERS = [  # from, name, subject, helo name, helo ip, as name, as number, geo, disposition, reasons
    ("newsletter@news.example.org", "Example.org Newsletter", "Your May digest: 5 stories worth reading",
     "mta-out-3.news.example.org", "198.51.100.61", "EXAMPLE-ESP", "64512", "US/VA/Ashburn", "bulk",
     ["Sender is a known bulk mailer"]),
    ("noreply@github.com", "GitHub", "[example-corp/storefront] Pull request #412 merged",
     "out-21.smtp.github.com", "203.0.113.71", "GITHUB", "36459", "US/VA/Ashburn", "unset", []),
    ("billing@supplier.example.net", "Supplier Billing", "Invoice 2024-0518 for Example Corp",
     "mail.supplier.example.net", "192.0.2.77", "EXAMPLE-HOSTING", "64513", "DE/HE/Frankfurt am Main", "unset", []),
    ("events@conference.example.org", "Example Conf", "Save the date: Example Conf 2024, 3–5 October",
     "mx1.conference.example.org", "198.51.100.62", "EXAMPLE-ESP", "64512", "NL/NH/Amsterdam", "bulk",
     ["Sender is a known bulk mailer"]),
    ("jordan.lee@partner.example.com", "Jordan Lee", "Re: Café supplier shortlist",
     "smtp.partner.example.com", "2001:db8:25::10", "EXAMPLE-PARTNER-NET", "64514", "GB/ENG/Leeds", "unset", []),
]


def email_alert(rng, ns, fmt):
    sender, name, subject, helo, helo_ip, asname, asnum, geo, disposition, reasons = rng.choice(MAIL_SENDERS)
    rcpt = rng.sample(USERS, rng.choice([1, 1, 2]))
    domain = sender.split("@")[1]
    attachments = []
    if "Invoice" in subject:
        content = b"%PDF-1.7 synthetic invoice " + subject.encode()
        attachments = [{"Md5": hashlib.md5(content).hexdigest(), "Sha1": hashlib.sha1(content).hexdigest(),
                        "Sha256": hashlib.sha256(content).hexdigest(), "Ssdeep": "",
                        "Name": "Invoice-2024-0518.pdf", "ContentTypeProvided": "application/pdf",
                        "ContentTypeComputed": "application/pdf", "Encrypted": False, "Decrypted": False}]
    when = datetime.fromtimestamp(ns // 1_000_000_000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    record = {
        "AlertID": "%s-%s" % (base64.urlsafe_b64encode(rng.getrandbits(64).to_bytes(8, "big")).decode()[:11], when),
        "AlertReasons": reasons,
        "Attachments": attachments,
        "CC": [],
        "CCName": [],
        "DKIMResult": "pass",
        "DMARCPolicy": rng.choice(["reject", "quarantine", "none"]),
        "DMARCResult": "pass",
        "FinalDisposition": disposition,
        "From": sender,
        "FromName": name,
        "Links": ["https://%s/" % domain] if disposition == "bulk" else [],
        "MessageDeliveryMode": pick(rng, [("direct", 3), ("api", 1)]),
        "MessageID": "<%s@%s>" % (hex_id(rng, 24), domain),
        "Origin": "external",
        "OriginalSender": sender,
        "ReplyTo": "" if "noreply" in sender else sender,
        "ReplyToName": "" if "noreply" in sender else name,
        "SMTPEnvelopeFrom": "bounces+%d@%s" % (rng.randint(1000, 9999), domain) if disposition == "bulk" else sender,
        "SMTPEnvelopeTo": [u["email"] for u in rcpt],
        "SMTPHeloServerIP": helo_ip,
        "SMTPHeloServerIPAsName": asname,
        "SMTPHeloServerIPAsNumber": asnum,
        "SMTPHeloServerIPGeo": geo,
        "SMTPHeloServerName": helo,
        "SPFResult": "pass",
        "Subject": subject,
        "ThreatCategories": [],
        "Timestamp": timestamp(ns, fmt),
        "To": [u["email"] for u in rcpt],
        "ToName": [u["email"].split("@")[0].replace(".", " ").title() for u in rcpt],
    }
    if len(rcpt) == 2 and rng.random() < 0.5:
        record["CC"], record["CCName"] = ["team-buying@example.com"], ["Buying Team"]
    return thin(rng, record, {"AlertID", "FinalDisposition", "From", "Subject", "Timestamp", "To",
                              "SMTPEnvelopeFrom", "SMTPEnvelopeTo", "SMTPHeloServerIP", "SMTPHeloServerName",
                              "ThreatCategories", "MessageDeliveryMode", "OriginalSender", "AlertReasons",
                              "MessageID"}, drop=0.06)


# ---------------------------------------------------------------------------------------------------------
# warp_config_changes and warp_toggle_changes

WARP_CONFIGS = [("Example Corp", "Default", ACCOUNT_ID), ("Example Corp", "Engineering (split tunnel)", ACCOUNT_ID),
                ("Example Corp Labs", "Labs", hex_id(WORLD))]


def warp_config(rng, ns, fmt):
    user = rng.choice(USERS[:5])
    before, after = rng.sample(WARP_CONFIGS, 2)
    record = {
        "AccountIDFrom": before[2], "AccountIDTo": after[2],
        "AccountNameFrom": before[0], "AccountNameTo": after[0],
        "ConfigNameFrom": before[1], "ConfigNameTo": after[1],
        "DeviceID": user["device_id"],
        "DeviceRegistrationID": user["registration_id"],
        "Hostname": user["device_name"],
        "SerialNumber": user["serial"],
        "Timestamp": timestamp(ns, fmt),
        "UserEmail": user["email"],
    }
    return thin(rng, record, {"AccountIDFrom", "AccountIDTo", "ConfigNameFrom", "ConfigNameTo", "DeviceID",
                              "Timestamp", "AccountNameFrom", "AccountNameTo"}, drop=0.15)


def warp_toggle(rng, ns, fmt):
    user = rng.choice(USERS)
    record = {
        "AccountID": ACCOUNT_ID,
        "AccountName": ACCOUNT_NAME,
        "DeviceID": user["device_id"],
        "DeviceRegistrationID": user["registration_id"],
        "Hostname": user["device_name"],
        "SerialNumber": user["serial"],
        "Timestamp": timestamp(ns, fmt),
        "Toggled": rng.random() < 0.6,
        "UserEmail": user["email"],
    }
    return thin(rng, record, {"AccountID", "AccountName", "DeviceID", "Timestamp", "Toggled"}, drop=0.15)


GENERATORS = {
    "http_requests": http_request, "firewall_events": firewall_event, "dns_logs": dns_log,
    "gateway_dns": gateway_dns, "gateway_http": gateway_http, "gateway_network": gateway_network,
    "access_requests": access_request, "audit_logs": audit_log, "casb_findings": casb_finding,
    "device_posture_results": device_posture, "dns_firewall_logs": dns_firewall, "magic_ids_detections": magic_ids,
    "nel_reports": nel_report, "network_analytics_logs": network_analytics,
    "zero_trust_network_sessions": zt_session, "page_shield_events": page_shield,
    "sinkhole_http_logs": sinkhole, "spectrum_events": spectrum, "workers_trace_events": worker_trace,
    "dex_application_tests": dex_test, "dex_device_state_events": dex_state, "dlp_forensic_copies": dlp_copy,
    "email_security_alerts": email_alert, "warp_config_changes": warp_config, "warp_toggle_changes": warp_toggle,
}


def dataset_rng(name, salt=""):
    return random.Random("%d:%s:%s" % (SEED, name, salt))


def generate(name, count, fmt, salt=""):
    rng = dataset_rng(name, salt)
    instants = times(rng, count)
    if name == "http_requests":
        return [http_request(rng, ns, fmt, kind) for ns, kind in zip(instants, http_kind_plan(rng, count))]
    return [GENERATORS[name](rng, ns, fmt) for ns in instants]


# ---------------------------------------------------------------------------------------------------------
# Writing


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)


def ndjson(records):
    return "".join(go_json(r) + "\n" for r in records).encode("utf-8")


def gzip_member(data):
    return gzip.compress(data, compresslevel=6, mtime=0)  # mtime 0: reproducible bytes


def write_all(root):
    cf = os.path.join(root, "Fixtures", "cloudflare")
    samples = {}
    for name in DATASETS:
        records = generate(name, RECORDS_PER_FILE, TIMESTAMP_FORMAT[name])
        samples[name] = records
        write_bytes(os.path.join(cf, name, name + ".ndjson"), ndjson(records))

    # Logpush HTTP destination bodies: gzip-compressed NDJSON.
    http_batch = generate("http_requests", BATCH_RECORDS, "unixnano", salt="batch")
    body = gzip_member(ndjson(http_batch[:30])) + gzip_member(ndjson(http_batch[30:]))  # two members
    write_bytes(os.path.join(cf, "http_requests", "logpush-batch.ndjson.gz"), body)
    dns_batch = generate("gateway_dns", BATCH_RECORDS, GATEWAY_DNS_BATCH_FORMAT, salt="batch")
    write_bytes(os.path.join(cf, "gateway_dns", "logpush-batch.ndjson.gz"), gzip_member(ndjson(dns_batch)))

    # Mixed datasets, half raw and half wrapped in {"message": "<raw JSON>"}.
    mixed_from = ["http_requests", "gateway_dns", "firewall_events", "audit_logs", "gateway_http",
                  "access_requests", "dns_logs", "zero_trust_network_sessions", "workers_trace_events",
                  "email_security_alerts"]
    lines = []
    for index, name in enumerate(mixed_from):
        raw = go_json(samples[name][index])
        if index % 2 == 1:
            lines.append(json.dumps({"message": raw}, ensure_ascii=False, separators=(",", ":")))
        else:
            lines.append(raw)
    write_bytes(os.path.join(cf, "mixed", "wrapped.ndjson"), ("\n".join(lines) + "\n").encode("utf-8"))

    write_bad(root)
    return samples, mixed_from


# Bad input. Kinds, in file order after the first good line.
BAD_KINDS = ["truncated_json", "invalid_utf8", "control_character", "not_an_object", "trailing_garbage"]


def write_bad(root):
    bad = os.path.join(root, "Fixtures", "bad")
    good = [go_json(r).encode() for r in generate("http_requests", 6, "unixnano", salt="bad")]
    extra = generate("http_requests", 4, "unixnano", salt="bad-extra")
    truncated = go_json(extra[0]).encode()
    truncated = truncated[: len(truncated) // 2]  # cut mid-record: no closing brace
    utf8 = go_json(extra[1]).encode().replace(b'"ClientRequestUserAgent":"',
                                              b'"ClientRequestUserAgent":"\xff\xfe', 1)
    assert b"\xff" in utf8
    control = go_json(extra[2]).encode().replace(b'"ClientRequestPath":"', b'"ClientRequestPath":"\x01', 1)
    assert b"\x01" in control
    garbage = go_json(extra[3]).encode() + b' {"RayID":"'
    lines = [good[0], truncated, good[1], utf8, good[2], control, good[3], b"[1,2]", good[4], garbage, good[5]]
    write_bytes(os.path.join(bad, "malformed.ndjson"), b"\n".join(lines) + b"\n")

    # A gzip member cut in the middle of its deflate data: no end-of-stream block, no CRC32/ISIZE trailer.
    records = generate("http_requests", 40, "unixnano", salt="truncated")
    whole = gzip_member(ndjson(records))
    write_bytes(os.path.join(bad, "truncated.ndjson.gz"), whole[: len(whole) // 2])


# ---------------------------------------------------------------------------------------------------------
# Checking


def load_reference(name):
    for directory in FIELD_REFERENCE_DIRS:
        path = os.path.join(directory, name + ".json")
        if os.path.exists(path):
            with open(path) as f:
                return json.load(f)
    return None


def parse_good_line(line):
    text = line.decode("utf-8")  # strict: invalid UTF-8 raises
    value = json.loads(text)  # strict: raw control characters in strings raise; trailing data raises
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


def check(root, mixed_from):
    problems = []
    cf = os.path.join(root, "Fixtures", "cloudflare")
    summary = []

    def check_records(label, name, records):
        reference = load_reference(name)
        if reference is None:
            summary.append("  (no field reference found for %s; field names not checked)" % name)
            return
        for number, record in enumerate(records, start=1):
            unknown = sorted(set(record) - set(reference))
            if unknown:
                problems.append("%s line %d: fields not in the %s reference: %s" % (label, number, name, unknown))

    def read_lines(data, label):
        if not data.endswith(b"\n"):
            problems.append("%s: no final newline" % label)
        records = []
        for number, line in enumerate(data.split(b"\n")[:-1], start=1):
            try:
                records.append(parse_good_line(line))
            except ValueError as error:
                problems.append("%s line %d: %s" % (label, number, error))
        return records

    for name in DATASETS:
        path = os.path.join(cf, name, name + ".ndjson")
        with open(path, "rb") as f:
            records = read_lines(f.read(), path)
        if len(records) != RECORDS_PER_FILE:
            problems.append("%s: %d records, want %d" % (path, len(records), RECORDS_PER_FILE))
        check_records(path, name, records)
        summary.append("  %-28s %2d records, %2d-%2d fields, timestamps %s" % (
            name, len(records), min(map(len, records)), max(map(len, records)), TIMESTAMP_FORMAT[name]))

    for name, members in (("http_requests", 2), ("gateway_dns", 1)):
        path = os.path.join(cf, name, "logpush-batch.ndjson.gz")
        with open(path, "rb") as f:
            data = f.read()
        found, rest = 0, data
        while rest:
            decompressor = zlib.decompressobj(wbits=31)
            decompressor.decompress(rest)
            if not decompressor.eof:
                problems.append("%s: member %d is incomplete" % (path, found + 1))
                break
            found += 1
            rest = decompressor.unused_data
        if found != members:
            problems.append("%s: %d gzip members, want %d" % (path, found, members))
        records = read_lines(gzip.decompress(data), path)  # gzip.decompress reads all members
        if len(records) != BATCH_RECORDS:
            problems.append("%s: %d records, want %d" % (path, len(records), BATCH_RECORDS))
        check_records(path, name, records)
        summary.append("  %s: %d gzip member(s), %d records" % (os.path.relpath(path, root), found, len(records)))

    path = os.path.join(cf, "mixed", "wrapped.ndjson")
    with open(path, "rb") as f:
        outer = read_lines(f.read(), path)
    wrapped = 0
    for number, (record, name) in enumerate(zip(outer, mixed_from), start=1):
        if set(record) == {"message"}:
            wrapped += 1
            record = json.loads(record["message"])
        check_records("%s line %d" % (path, number), name, [record])
    if len(outer) != 10 or wrapped != 5:
        problems.append("%s: %d lines, %d wrapped; want 10 and 5" % (path, len(outer), wrapped))
    summary.append("  mixed/wrapped.ndjson: %d records, %d wrapped" % (len(outer), wrapped))

    # Bad input: every kind is rejected and the good lines parse.
    path = os.path.join(root, "Fixtures", "bad", "malformed.ndjson")
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    good, rejected = 0, []
    for line in lines:
        try:
            parse_good_line(line)
            good += 1
        except (ValueError, UnicodeDecodeError) as error:
            rejected.append(type(error).__name__)
    if good != 6 or len(rejected) != len(BAD_KINDS):
        problems.append("%s: %d good, %d rejected; want 6 and %d" % (path, good, len(rejected), len(BAD_KINDS)))
    summary.append("  bad/malformed.ndjson: %d lines, %d good, %d rejected" % (len(lines), good, len(rejected)))

    path = os.path.join(root, "Fixtures", "bad", "truncated.ndjson.gz")
    with open(path, "rb") as f:
        data = f.read()
    try:
        gzip.decompress(data)
        problems.append("%s: decompressed without error" % path)
    except EOFError:
        pass
    partial = zlib.decompressobj(wbits=31).decompress(data)  # what a streaming reader gets before the end
    complete = partial.split(b"\n")[:-1]
    for number, line in enumerate(complete, start=1):
        try:
            parse_good_line(line)
        except ValueError as error:
            problems.append("%s line %d: %s" % (path, number, error))
    tail = partial.rsplit(b"\n", 1)[-1]
    if len(complete) < 3 or not tail:
        problems.append("%s: %d complete lines, tail %d bytes; want >= 3 and a partial line" % (
            path, len(complete), len(tail)))
    summary.append("  bad/truncated.ndjson.gz: %d bytes; streaming inflate gives %d complete lines + %d bytes "
                   "of line %d, then unexpected end of stream" % (len(data), len(complete), len(tail),
                                                                  len(complete) + 1))

    total = 0
    for directory in (cf, os.path.join(root, "Fixtures", "bad")):
        for dirpath, _, files in os.walk(directory):
            total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    summary.append("  total size of Fixtures/cloudflare + Fixtures/bad: %d bytes" % total)
    if total >= 1_000_000:
        problems.append("total size %d bytes is not under 1 MB" % total)
    return problems, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                        help="repository root (default: the parent of this script's directory)")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    _, mixed_from = write_all(root)
    problems, summary = check(root, mixed_from)
    print("\n".join(summary))
    if problems:
        print("\n".join(["PROBLEMS:"] + problems), file=sys.stderr)
        return 1
    print("all checks passed")
    import make_replay_fixtures  # imports this module: loaded only here, after the samples are written
    return make_replay_fixtures.main(["--root", root])


if __name__ == "__main__":
    sys.exit(main())

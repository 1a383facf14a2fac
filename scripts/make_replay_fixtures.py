#!/usr/bin/env python3
"""Writes the replay samples under Fixtures/replay and their demo IOC lists under Fixtures/iocs.

One made-up day (2024-05-14, UTC) of Example Corp's Cloudflare logs, the same organisation as the samples of
scripts/make_fixtures.py (whose helpers and record generators this script reuses): a few thousand benign
records of six datasets, with the records of a handful of incidents mixed in at their times. Each incident
record is meant to raise exactly the alerts it declares (see TRIGGERS below); the script writes those counts
to Fixtures/replay/EXPECTED.md, which Tests/DetectCLITests/ReplayFixturesTests.swift reads.

Usage (from the repository root; scripts/make_fixtures.py runs it too):

    python3 scripts/make_replay_fixtures.py [--root DIR] [--seed N]

The seed drives the benign records only (the incidents are fixed), so any seed gives the same EXPECTED.md;
the default seed gives the shipped files byte for byte (gzip bytes assume the same zlib build). Then:

    swift run --scratch-path .build-fixtures sigflare replay --ioc Rules/iocs --ioc Fixtures/iocs \\
        Fixtures/replay/*.ndjson*

and compare the alerts by rule.name with EXPECTED.md. The script checks its own output (JSON, field names,
gzip members, time order, no benign address inside a demo IOC network) and exits non-zero on a problem.
"""
import argparse
import base64
import calendar
import gzip
import hashlib
import ipaddress
import json
import os
import random
import sys
import zlib

import make_fixtures as mf

SEED = 20240514
DAY_START = calendar.timegm((2024, 5, 14, 0, 0, 0))
DAY_NS = DAY_START * 1_000_000_000
HOUR_NS = 3600 * 1_000_000_000
UPLOAD_INTERVAL_NS = 300 * 1_000_000_000  # output_options: max_upload_interval_seconds 300 (one gzip member each)

# Records per hour of the day (UTC), relative: the offices are in London, Amsterdam and the US east coast;
# the shop's visitors are everywhere.
OFFICE_HOURS = [1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 10, 9, 10, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1]
SHOP_HOURS = [4, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8, 9, 9, 9, 9, 8, 8, 7, 6, 5, 5]

# ---------------------------------------------------------------------------------------------------------
# Demo IOC lists (Fixtures/iocs). Addresses come from 192.0.2.128-199 and three 2001:db8::/48 networks, which no
# benign record uses (checked at the end); names are under the reserved .example and .test TLDs.

IOC_HEADER = """# {name}: DEMO VALUES for the shipped replay samples (Fixtures/replay), NOT threat intelligence.
# Written by scripts/make_replay_fixtures.py. The addresses are documentation ranges (RFC 5737, RFC 3849) and
# the names use reserved TLDs (.example, .test, RFC 2606); they only make the samples' incidents match.
# Replay with: sigflare replay --ioc Rules/iocs --ioc Fixtures/iocs Fixtures/replay/*.ndjson*
# (a list here replaces the shipped list of the same name, Rules/iocs/{name}.txt).
"""

TOR_RELAY_1, TOR_RELAY_2, TOR_EXIT, TOR_NTP = "192.0.2.131", "192.0.2.137", "192.0.2.142", "192.0.2.149"
SCANNERS = ["192.0.2.161", "192.0.2.163", "192.0.2.166", "192.0.2.170"]  # inside 192.0.2.160/28
SCANNER_V6, SCANNER_FILTERED = "2001:db8:5ca0::17", "192.0.2.181"
INTEL_IP_STUFFING, INTEL_IP_C2 = "192.0.2.190", "192.0.2.185"
EICAR_IP = "192.0.2.199"
INTEL_DOMAIN = "invoice-viewer.example"
INTEL_URL = "http://files.invoice-portal.test/download/INV-20240514.zip"
INTEL_UA = "Mozilla/5.0 (compatible; demo-intel-crawler/3.2)"
BAZAR_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) demo-bazar-loader/1.0"
EICAR_DOMAIN = "eicar-test.example"
EXFIL_DOMAIN = "transfer-drop.example"
AV_REPUTATION_DOMAIN = "filerep.example-av.test"

DEMO_IOCS = {
    "tor_nodes": ("Tor relay and exit addresses", [TOR_RELAY_1, TOR_RELAY_2, TOR_EXIT, TOR_NTP, "2001:db8:7a7a::/48"]),
    "internet_scanners": ("Internet-wide scanners", ["192.0.2.160/28", SCANNER_FILTERED, "2001:db8:5ca0::/48"]),
    "intel_ips": ("addresses from a threat-intelligence feed", [INTEL_IP_C2, INTEL_IP_STUFFING, "2001:db8:bad0::/48"]),
    "intel_domains": ("domains from a threat-intelligence feed", [INTEL_DOMAIN, "login-verify.test"]),
    "intel_urls": ("URLs from a threat-intelligence feed", [INTEL_URL]),
    "intel_user_agents": ("user agents from a threat-intelligence feed", [INTEL_UA]),
    "eicar_ips": ("EICAR test indicators (addresses)", [EICAR_IP]),
    "eicar_domains": ("EICAR test indicators (domains)", [EICAR_DOMAIN]),
    "exfiltration_domains": ("file-sharing and paste services", [EXFIL_DOMAIN, "pastebox.test"]),
    "bazar_user_agents": ("BazarLoader user agents", [BAZAR_UA]),
    "dns_tunnel_allowlist": ("domains whose long names are benign (an anti-virus cloud lookup)",
                             [AV_REPUTATION_DOMAIN]),
}
DEMO_NETWORKS = [ipaddress.ip_network(v if "/" in v else v + ("/128" if ":" in v else "/32"))
                 for key in ("tor_nodes", "internet_scanners", "intel_ips", "eicar_ips")
                 for v in DEMO_IOCS[key][1]] + [ipaddress.ip_network(n) for n in ("192.0.2.128/26", "192.0.2.192/29")]

# ---------------------------------------------------------------------------------------------------------
# Time


def at(hour, minute, second, micros=0):
    """Nanoseconds since the epoch at hh:mm:ss.micros on the sample day."""
    return DAY_NS + ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + micros * 1000


def day_instants(rng, count, weights, first_hour=0, end_hour=24):
    """`count` ascending instants in [first_hour, end_hour), drawn with the hourly `weights`."""
    hours = list(range(first_hour, end_hour))
    picked = rng.choices(hours, weights=[weights[h] for h in hours], k=count)
    return sorted(DAY_NS + h * HOUR_NS + rng.randrange(HOUR_NS) for h in picked)


# ---------------------------------------------------------------------------------------------------------
# Benign variety added to make_fixtures' generators

UA_CURL = "curl/8.5.0"
UA_PYTHON = "python-requests/2.31.0"
UA_OKHTTP = "okhttp/4.12.0"
UA_BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
UA_SAMSUNG = ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
              "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36")
UA_FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0"
UA_SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"
UA_UPTIME = "ExampleUptime/2.3 (+https://status.example.net/bot)"
SHOP_UAS = [(mf.UA_CHROME_WIN, "desktop", 9), (mf.UA_EDGE_WIN, "desktop", 4), (mf.UA_SAFARI_MAC, "desktop", 4),
            (mf.UA_CHROME_MAC, "desktop", 3), (mf.UA_FIREFOX_WIN, "desktop", 2), (UA_FIREFOX_MAC, "desktop", 1),
            (mf.UA_FIREFOX_LINUX, "desktop", 1), (mf.UA_IPHONE, "mobile", 8), (mf.UA_ANDROID, "mobile", 6),
            (UA_SAMSUNG, "mobile", 2), (mf.UA_APP, "mobile", 3), (UA_OKHTTP, "mobile", 2), (UA_BINGBOT, "desktop", 1),
            (UA_SLACKBOT, "desktop", 0.5), (UA_CURL, "desktop", 0.3), (UA_PYTHON, "desktop", 0.3)]
PLACES = [("gb", "London", "ENG", "51.50740", "-0.12780"), ("gb", "Leeds", "ENG", "53.80080", "-1.54910"),
          ("de", "Berlin", "BE", "52.52000", "13.40500"), ("de", "Hamburg", "HH", "53.55110", "9.99370"),
          ("fr", "Paris", "IDF", "48.85660", "2.35220"), ("nl", "Rotterdam", "ZH", "51.92440", "4.47770"),
          ("es", "Madrid", "MD", "40.41680", "-3.70380"), ("it", "Milano", "25", "45.46420", "9.19000"),
          ("us", "New York", "NY", "40.71280", "-74.00600"), ("us", "Austin", "TX", "30.26720", "-97.74310"),
          ("us", "Seattle", "WA", "47.60620", "-122.33210"), ("ca", "Toronto", "ON", "43.65320", "-79.38320"),
          ("au", "Sydney", "NSW", "-33.86880", "151.20930"), ("jp", "Tokyo", "13", "35.67620", "139.65030"),
          ("br", "Rio de Janeiro", "RJ", "-22.90680", "-43.17290"), ("in", "Bengaluru", "KA", "12.97160", "77.59460")]


def visitor_pool(rng, size=80):
    """Shop visitors: documentation-range addresses outside the demo IOC networks, a place and a browser."""
    pool = []
    for index in range(size):
        if index % 5 == 4:
            ip = "2001:db8:%x:%x::%x" % (rng.randint(0x1000, 0x1fff), rng.randint(1, 0xff), rng.randint(1, 0xfff))
        else:
            ip = rng.choice(["198.51.100.%d", "203.0.113.%d"]) % rng.randint(2, 254)
        ua, device = mf.pick(rng, [((u, d), w) for u, d, w in SHOP_UAS])
        pool.append((ip, rng.randint(64496, 64511)) + rng.choice(PLACES) + (ua, device))
    return pool


def restyle_visitor(rng, record, visitor):
    ip, asn, country, city, region, lat, lon, ua, device = visitor
    updates = {"ClientIP": ip, "ClientASN": asn, "ClientCountry": country, "ClientCity": city,
               "ClientRegionCode": region, "ClientLatitude": lat, "ClientLongitude": lon,
               "ClientRequestUserAgent": ua, "ClientDeviceType": device}
    for key, value in updates.items():
        if key in record or key in ("ClientIP", "ClientRequestUserAgent"):
            record[key] = value
    if "JA4" in record:
        record["JA4"] = mf.JA4_BY_UA.get(ua, "t13d1516h2_8daaf6152771_b1ff8ab2d16f")
    if "JA3Hash" in record:
        record["JA3Hash"] = hashlib.md5(("ja3:" + record.get("JA4", ua)).encode()).hexdigest()
    if ua in (UA_BINGBOT,) and "VerifiedBotCategory" in record:
        record["VerifiedBotCategory"] = "Search Engine Crawler"
    return record


# Gateway DNS names our users resolve: name, categories, application, IPv4 answers. Long names stay under 96
# characters (the DNS tunnel rule's threshold); hex first labels have more than three labels (not EvilProxy).
DNS_NAMES = [
    ("login.microsoftonline.com", ["Productivity"], "Microsoft 365", ["203.0.113.141"]),
    ("graph.microsoft.com", ["Productivity"], "Microsoft 365", ["203.0.113.142"]),
    ("teams.microsoft.com", ["Productivity"], "Microsoft 365", ["203.0.113.143"]),
    ("settings-win.data.microsoft.com", ["Technology"], "", ["203.0.113.144"]),
    ("ctldl.windowsupdate.com", ["Technology"], "", ["203.0.113.145"]),
    ("www.msftconnecttest.com", ["Technology"], "", ["203.0.113.146"]),
    ("www.google.com", ["Search Engines"], "", ["203.0.113.151"]),
    ("accounts.google.com", ["Productivity"], "Google Workspace", ["203.0.113.152"]),
    ("fonts.gstatic.com", ["Content Servers"], "", ["203.0.113.153"]),
    ("clients4.google.com", ["Technology"], "", ["203.0.113.154"]),
    ("mesu.apple.com", ["Technology"], "", ["198.51.100.61"]),
    ("gs.apple.com", ["Technology"], "", ["198.51.100.62"]),
    ("time.apple.com", ["Technology"], "", ["198.51.100.63"]),
    ("time.cloudflare.com", ["Technology"], "", ["192.0.2.123"]),
    ("time.windows.com", ["Technology"], "", ["198.51.100.64"]),
    ("connectivity-check.ubuntu.com", ["Technology"], "", ["198.51.100.65"]),
    ("security.ubuntu.com", ["Technology"], "", ["198.51.100.66"]),
    ("edgeapi.slack.com", ["Productivity"], "Slack", ["203.0.113.133"]),
    ("files.slack.com", ["Productivity"], "Slack", ["203.0.113.134"]),
    ("us05web.zoom.us", ["Productivity"], "Zoom", ["198.51.100.171"]),
    ("objects.githubusercontent.com", ["Technology"], "GitHub", ["203.0.113.117"]),
    ("registry.npmjs.org", ["Technology"], "", ["198.51.100.72"]),
    ("pypi.org", ["Technology"], "", ["198.51.100.73"]),
    ("files.pythonhosted.org", ["Technology"], "", ["198.51.100.74"]),
    ("cdn.jsdelivr.net", ["Content Servers"], "", ["198.51.100.75"]),
    ("cdnjs.cloudflare.com", ["Content Servers"], "", ["198.51.100.76"]),
    ("ajax.googleapis.com", ["Content Servers"], "", ["203.0.113.155"]),
    ("d3k9x2m5q8w1zt.cloudfront.net", ["Content Servers"], "", ["198.51.100.81", "198.51.100.82"]),
    ("example-corp.atlassian.net", ["Business"], "", ["198.51.100.83"]),
    ("example-corp.zendesk.com", ["Business"], "", ["198.51.100.84"]),
    ("web.telegram.org", ["Social Networks"], "", ["198.51.100.85"]),
    ("www.linkedin.com", ["Social Networks"], "", ["198.51.100.86"]),
    ("www.reuters.com", ["News & Media"], "", ["198.51.100.88"]),
    ("api.weather.example.net", ["Weather"], "", ["192.0.2.122"]),
    ("fileserver01.corp.example.com", ["Business"], "", ["10.20.0.41"]),
    ("vault.corp.example.com", ["Business"], "", ["10.20.0.42"]),
    ("grafana.example.com", ["Business"], "", ["203.0.113.11"]),
    ("printer-2f.ams.corp.example.com", ["Business"], "", ["10.30.8.250"]),
    ("prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com", ["Content Servers"], "", ["198.51.100.91"]),
    ("example-corp-assets-prod-7f3a9c2e.s3.dualstack.eu-central-1.amazonaws.com", ["Content Servers"], "",
     ["198.51.100.92"]),
    ("storefront-api-production-2024-05-rollout-canary-a7c3d1.eu-west-1.elb.amazonaws.com", ["Technology"], "",
     ["198.51.100.93"]),
    ("9f86d081884c7d659a2feaa0c55ad015.a0b1c2d3.tenant-assets.cdn.example.net", ["Content Servers"], "",
     ["192.0.2.124"]),
    ("e3b0c44298fc1c149afbf4c8996fb924.media.example.org", ["Content Servers"], "", ["198.51.100.94"]),
]


def long_benign_name(rng, length):
    """A load-balancer host name of exactly `length` characters (boundary cases below 96)."""
    tail = ".elb.eu-central-1.amazonaws.com"
    head = "k8s-storefront-ingress-" + mf.hex_id(rng, 64)
    return head[: length - len(tail)] + tail


def av_lookup_name(rng):
    """An anti-virus cloud file-reputation lookup: a long name under the allow-listed demo domain."""
    return "%s.%s.v2.%s" % (mf.hex_id(rng, 64), mf.hex_id(rng, 16), AV_REPUTATION_DOMAIN)


INTERNAL_SRV = ("_ldap._tcp.dc._msdcs.corp.example.com", 33, "SRV")


def set_identity(record, user, site, src_field):
    record.update({"DeviceID": user["device_id"], "DeviceName": user["device_name"], "Email": user["email"],
                   "UserID": user["user_id"], "RegistrationID": user["registration_id"], src_field: site["ip"]})
    for key, value in (("SrcIPCountryCode", site["country"]), ("SrcIPContinentCode", site["continent"]),
                       ("SourceIPCountryCode", site["country"]), ("SourceIPContinentCode", site["continent"])):
        if key in record:
            record[key] = value
    return record


def rename_query(rng, record, name, categories=(), app="", answers=(), qtype=1, qtype_name="A", rcode=0,
                 records_json=None):
    """Turns a gateway_dns record into an allowed query for `name`."""
    categories = list(categories)
    ids = [mf.CATEGORIES[c] for c in categories]
    ttl = rng.choice([60, 300, 300, 3600])
    answers = list(answers) if qtype in (1, 28) else []
    rrs = records_json if records_json is not None else [
        {"name": name, "type": qtype_name, "class": "IN", "ttl": ttl, "rdata": a} for a in answers]
    record.update({
        "QueryName": name, "QueryNameReversed": mf.reverse_name(name), "QuerySize": 28 + len(name),
        "QueryType": qtype, "QueryTypeName": qtype_name, "RCode": rcode, "ResolvedIPs": answers,
        "ResolverDecision": "allowedOnNoPolicyMatch", "PolicyID": "", "PolicyName": "",
        "ResourceRecordsJSON": json.dumps(rrs, separators=(",", ":")),
    })
    for key, value in (("CNAMEs", []), ("CNAMEsReversed", []), ("MatchedCategoryIDs", []),
                       ("MatchedCategoryNames", []), ("EDEErrors", []), ("QueryCategoryIDs", ids),
                       ("QueryCategoryNames", categories), ("InitialCategoryIDs", ids),
                       ("InitialCategoryNames", categories), ("ApplicationID", mf.APPLICATIONS.get(app, 0)),
                       ("ApplicationName", app), ("QueryApplicationIDs", [mf.APPLICATIONS[app]] if app else []),
                       ("QueryApplicationNames", [app] if app else []),
                       ("UpstreamRecordTTLs", [r["ttl"] for r in rrs])):
        if key in record or key in ("QueryCategoryNames",):
            record[key] = value
    return record


def benign_gateway_dns(rng, ns, fmt):
    record = mf.gateway_dns(rng, ns, fmt)
    roll = rng.random()
    if roll < 0.5:
        return record  # make_fixtures' own mix, blocks and overrides included
    if roll < 0.9:
        name, categories, app, answers = rng.choice(DNS_NAMES)
        qtype, qtype_name = rng.choice([(1, "A"), (1, "A"), (28, "AAAA"), (65, "HTTPS")])
        if qtype == 28:
            answers = ["2001:db8:%x::%x" % (rng.randint(0x2000, 0x2fff), rng.randint(1, 0xff)) for _ in answers]
        return rename_query(rng, record, name, categories, app, answers, qtype, qtype_name)
    if roll < 0.94:
        name, qtype, qtype_name = INTERNAL_SRV
        rrs = [{"name": name, "type": "SRV", "class": "IN", "ttl": 600,
                "rdata": "0 100 389 dc0%d.corp.example.com." % i} for i in (1, 2)]
        return rename_query(rng, record, name, ["Business"], qtype=qtype, qtype_name=qtype_name, records_json=rrs)
    if roll < 0.96:  # WPAD does not exist: NXDOMAIN
        return rename_query(rng, record, "wpad.corp.example.com", qtype=1, rcode=3, records_json=[])
    if roll < 0.985:
        name = long_benign_name(rng, rng.choice([72, 88, 94, 95, 95]))
        return rename_query(rng, record, name, ["Technology"], answers=["198.51.100.95"])
    name = av_lookup_name(rng)  # 110+ characters, allow-listed by the demo dns_tunnel_allowlist
    rrs = [{"name": name, "type": "A", "class": "IN", "ttl": 60, "rdata": "127.0.0.1"}]
    return rename_query(rng, record, name, ["Technology"], answers=["127.0.0.1"], records_json=rrs)


# Gateway HTTP: host, path, query, categories, application, method, status, user agent (None: the browser).
HTTP_PLACES = [
    ("login.microsoftonline.com", "/common/oauth2/v2.0/authorize", "client_id=00000002-0000-0ff1-ce00-000000000000",
     ["Productivity"], "Microsoft 365", "GET", 200, None),
    ("teams.microsoft.com", "/_", "", ["Productivity"], "Microsoft 365", "GET", 200, None),
    ("graph.microsoft.com", "/v1.0/me/messages", "$top=25", ["Productivity"], "Microsoft 365", "GET", 200, None),
    ("ctldl.windowsupdate.com", "/msdownload/update/v3/static/trustedr/en/authrootstl.cab", "", ["Technology"], "",
     "GET", 200, "Microsoft-CryptoAPI/10.0"),
    ("www.google.com", "/search", "q=rain+jacket+supplier+netherlands", ["Search Engines"], "", "GET", 200, None),
    ("fonts.gstatic.com", "/s/inter/v13/UcC73FwrK3iLTeHuS_fvQtMwCp50KnMa1ZL7.woff2", "", ["Content Servers"], "",
     "GET", 200, None),
    ("registry.npmjs.org", "/react", "", ["Technology"], "", "GET", 200, "npm/10.5.0 node/v20.12.2 darwin arm64"),
    ("files.pythonhosted.org", "/packages/requests-2.31.0-py3-none-any.whl", "", ["Technology"], "", "GET", 200,
     "pip/24.0"),
    ("objects.githubusercontent.com", "/github-production-release-asset-2e65be/release.tar.gz", "", ["Technology"],
     "GitHub", "GET", 200, UA_CURL),
    ("cdn.jsdelivr.net", "/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css", "", ["Content Servers"], "", "GET", 200,
     None),
    ("example-corp.atlassian.net", "/browse/SHOP-1842", "", ["Business"], "", "GET", 200, None),
    ("example-corp.zendesk.com", "/agent/tickets/55120", "", ["Business"], "", "GET", 200, None),
    ("web.telegram.org", "/k/", "", ["Social Networks"], "", "GET", 200, None),
    ("www.linkedin.com", "/feed/", "", ["Social Networks"], "", "GET", 200, None),
    ("www.reuters.com", "/business/retail-consumer/", "", ["News & Media"], "", "GET", 200, None),
    ("d3k9x2m5q8w1zt.cloudfront.net", "/assets/app.4f1e2d.js", "", ["Content Servers"], "", "GET", 304, None),
    ("api.weather.example.net", "/v2/forecast", "lat=51.50&lon=-0.12", ["Weather"], "", "GET", 200, UA_PYTHON),
    ("prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com", "/sha256/1f9a", "", ["Content Servers"], "",
     "GET", 200, "docker/25.0.3 go/go1.21.6"),
    ("e3b0c44298fc1c149afbf4c8996fb924.media.example.org", "/img/banner.webp", "", ["Content Servers"], "", "GET",
     200, None),
]


def device_ua(user):
    return {"windows": mf.UA_EDGE_WIN, "mac": mf.UA_SAFARI_MAC, "linux": mf.UA_FIREFOX_LINUX,
            "ios": mf.UA_IPHONE}[user["platform"]]


def retarget_http(record, url, method="GET", status=200, categories=(), app="", ua=None, host=None):
    scheme_host = url.split("/", 3)
    host = host or scheme_host[2].split(":")[0]
    record.update({"URL": url, "HTTPHost": host, "HTTPMethod": method, "HTTPStatusCode": status,
                   "CategoryIDs": [mf.CATEGORIES[c] for c in categories], "CategoryNames": list(categories),
                   "ApplicationIDs": [mf.APPLICATIONS[app]] if app else [], "ApplicationNames": [app] if app else [],
                   "Action": "allow", "PolicyID": "", "PolicyName": "", "IsIsolated": False,
                   "DownloadedFileNames": [], "FileInfo": {}, "BlockedFileName": "", "BlockedFileHash": "",
                   "BlockedFileReason": "", "BlockedFileSize": 0, "BlockedFileType": ""})
    if "ApplicationStatuses" in record:
        record["ApplicationStatuses"] = ["approved"] if app else []
    if "Referer" in record:
        record["Referer"] = ""
    if ua is not None:
        record["UserAgent"] = ua
    return record


def benign_gateway_http(rng, ns, fmt):
    record = mf.gateway_http(rng, ns, fmt)
    if rng.random() < 0.5:
        return record
    host, path, query, categories, app, method, status, ua = rng.choice(HTTP_PLACES)
    url = "https://%s%s%s" % (host, path, "?" + query if query else "")
    user = next(u for u in mf.USERS if u["email"] == record.get("Email", mf.USERS[0]["email"]))
    return retarget_http(record, url, method, status, categories, app, ua or device_ua(user))


# Gateway network: ip, port, transport, detected protocol, SNI, application, categories.
NET_PLACES = [
    ("203.0.113.141", 443, "tcp", "tls", "login.microsoftonline.com", "Microsoft 365", ["Productivity"]),
    ("203.0.113.143", 443, "quic", "quic", "teams.microsoft.com", "Microsoft 365", ["Productivity"]),
    ("203.0.113.151", 443, "quic", "quic", "www.google.com", "", ["Search Engines"]),
    ("198.51.100.61", 443, "tcp", "tls", "mesu.apple.com", "", ["Technology"]),
    ("198.51.100.171", 8801, "udp", "", "", "Zoom", ["Productivity"]),
    ("203.0.113.133", 443, "tcp", "tls", "edgeapi.slack.com", "Slack", ["Productivity"]),
    ("198.51.100.72", 443, "tcp", "tls", "registry.npmjs.org", "", ["Technology"]),
    ("198.51.100.85", 443, "tcp", "tls", "web.telegram.org", "", ["Social Networks"]),
    ("198.51.100.92", 443, "tcp", "tls", "example-corp-assets-prod-7f3a9c2e.s3.dualstack.eu-central-1.amazonaws.com",
     "", ["Content Servers"]),
    ("10.20.0.41", 445, "tcp", "", "", "", []),
    ("10.20.0.42", 8200, "tcp", "tls", "vault.corp.example.com", "", ["Business"]),
    ("10.20.0.5", 53, "udp", "dns", "", "", []),
    ("192.0.2.123", 123, "udp", "", "", "", []),
    ("198.51.100.63", 123, "udp", "", "", "", []),
    ("203.0.113.36", 22, "tcp", "ssh", "", "", []),
]


def retarget_network(record, ip, port, transport, protocol="", sni="", app="", categories=()):
    record.update({"DestinationIP": ip, "DestinationPort": port,
                   "Transport": "tcp" if transport == "quic" else transport,
                   "TransportProtocol": transport, "DetectedProtocol": protocol, "SNI": sni,
                   "ApplicationIDs": [mf.APPLICATIONS[app]] if app else [], "ApplicationNames": [app] if app else [],
                   "CategoryIDs": [mf.CATEGORIES[c] for c in categories], "CategoryNames": list(categories),
                   "Action": "allow", "PolicyID": "", "PolicyName": "", "VirtualNetworkID": "",
                   "VirtualNetworkName": "", "OverrideIP": "", "OverridePort": 0})
    private = ip.startswith("10.")
    record["DestinationIPContinentCode"] = "" if private else "EU"
    record["DestinationIPCountryCode"] = "" if private else "NL"
    return record


def benign_gateway_network(rng, ns, fmt):
    record = mf.gateway_network(rng, ns, fmt)
    if rng.random() < 0.45:
        return record
    return retarget_network(record, *rng.choice(NET_PLACES))


# Authoritative DNS for example.com: more of the zone's names, and the long or hex-looking ones that
# legitimately exist (ACME challenges, DKIM selectors, domain-control validation with a leading underscore).
ZONE_QUERIES = [
    ("_acme-challenge.www.example.com", 16, 0), ("_acme-challenge.static.example.com", 16, 0),
    ("selector2._domainkey.example.com", 16, 0), ("s1-2024._domainkey.mail.example.com", 16, 0),
    ("_5f3c9e2a7b1d4c8e9f0a1b2c3d4e5f6a.example.com", 5, 0), ("mta-sts.example.com", 16, 0),
    ("_mta-sts.example.com", 16, 0), ("grafana.example.com", 1, 0), ("status.example.com", 5, 0),
    ("cdn.images.eu-west-1.storefront-production.internal-services.edge.example.com", 1, 3),
    ("_sip._tls.example.com", 33, 3), ("www.example.com", 65, 0), ("api.example.com", 65, 0),
]
RESOLVERS = mf.RESOLVERS + ["198.51.100.57", "203.0.113.53", "203.0.113.99", "2001:db8:1053::53"]


def benign_dns_log(rng, ns, fmt):
    record = mf.dns_log(rng, ns, fmt)
    if rng.random() < 0.4:
        record["QueryName"], record["QueryType"], record["ResponseCode"] = rng.choice(ZONE_QUERIES)
    record["SourceIP"] = rng.choice(RESOLVERS)
    return record


# Spectrum: an SSH bastion (no TLS) next to make_fixtures' applications.
SSH_APP, SSH_ORIGIN = "6e0d2c4b8a9f41d3b5c7e9f1a3b5c7d9", "203.0.113.223"


def ssh_connection(rng, ns, fmt, client_ip, event, asn=64512, country="us", duration_s=0):
    record = mf.spectrum(rng, ns, fmt)
    record.update({"Application": SSH_APP, "ClientIP": client_ip, "ClientAsn": asn, "ClientCountry": country,
                   "ClientProto": "tcp", "OriginProto": "tcp", "OriginIP": SSH_ORIGIN, "OriginPort": 22,
                   "Event": event, "Status": {"connect": 0, "disconnect": 200, "clientFiltered": 403}[event],
                   "Timestamp": mf.timestamp(ns, fmt), "ProxyProtocol": "off", "OriginTlsMode": "off",
                   "ConnectTimestamp": mf.timestamp(ns - duration_s * 1_000_000_000, fmt),
                   "DisconnectTimestamp": mf.timestamp(ns, fmt) if event == "disconnect" else 0,
                   "ClientBytes": 0 if event != "disconnect" else rng.randint(1_200, 9_000),
                   "OriginBytes": 0 if event != "disconnect" else rng.randint(1_500, 40_000)})
    for key in ("ClientTlsCipher", "ClientTlsClientHelloServerName", "OriginTlsCipher", "OriginTlsFingerprint"):
        if key in record:
            record[key] = ""
    for key in ("ClientTlsProtocol", "OriginTlsProtocol"):
        if key in record:
            record[key] = "none"
    for key in ("ClientTlsStatus", "OriginTlsStatus"):
        if key in record:
            record[key] = "UNKNOWN"
    if event == "clientFiltered":
        record["IpFirewall"], record["ClientMatchedIpFirewall"] = True, "BLOCK"
    return record


def benign_spectrum(rng, ns, fmt):
    if rng.random() < 0.3:  # administrators on the bastion from the offices
        site = rng.choice(mf.SITES)
        event = rng.choice(["connect", "disconnect"])
        return ssh_connection(rng, ns, fmt, site["ip"], event, 64496, site["country"].lower(),
                              rng.randint(60, 5_400) if event == "disconnect" else 0)
    return mf.spectrum(rng, ns, fmt)


# ---------------------------------------------------------------------------------------------------------
# Incidents. Each trigger builds its records at fixed times and names the rules (titles) each record fires.


class Trigger:
    def __init__(self, stream, rules, records):
        self.stream, self.rules, self.records = stream, rules, records  # records: [(ns, raw record)]


def user(first):
    return next(u for u in mf.USERS if u["email"].startswith(first))


def site(name):
    return next(s for s in mf.SITES if s["name"].startswith(name))


LONDON, AMSTERDAM, HOME = site("London"), site("Amsterdam"), site("Home")
BRANCH_SOURCE = "10.40.2.37"  # a warehouse PC behind the Magic WAN branch connector: no WARP, private source

RAT = "Remote Access Tool Domain"


def dns_query(rng, ns, who, where, name, answers=(), qtype=1, qtype_name="A", categories=(), records_json=None):
    record = mf.gateway_dns(rng, ns, "unixnano")
    set_identity(record, who, where, "SrcIP")
    record.update({"DstIP": "", "DstPort": 0, "DoHSubdomain": "", "Protocol": "udp", "SrcPort": 0,
                   "Location": where["name"], "LocationID": where["id"]})
    return rename_query(rng, record, name, categories, "", answers, qtype, qtype_name, records_json=records_json)


def http_via_gateway(rng, ns, who, where, url, method="GET", status=200, ua=None, categories=(), app=""):
    record = mf.gateway_http(rng, ns, "rfc3339")
    set_identity(record, who, where, "SourceIP")
    return retarget_http(record, url, method, status, categories, app, ua or device_ua(who))


def session(rng, ns, who, where, ip, port, transport="tcp", protocol="tls", sni=""):
    record = mf.gateway_network(rng, ns, "unixnano")
    set_identity(record, who, where, "SourceIP")
    record["SourceInternalIP"] = who["warp_ip"]
    return retarget_network(record, ip, port, transport, protocol, sni)


def zone_request(rng, ns, ip, ua, uri, method="GET", status=200, country="us", asn=64500):
    record = mf.http_request(rng, ns, "unixnano", "page")
    record = restyle_visitor(rng, record, (ip, asn, country, "", "", "0.00000", "0.00000", ua, "desktop"))
    for key in ("ClientCity", "ClientRegionCode", "ClientLatitude", "ClientLongitude"):
        record.pop(key, None)
    path, _, query = uri.partition("?")
    record.update({"ClientRequestURI": uri, "ClientRequestPath": path, "ClientRequestMethod": method,
                   "EdgeResponseStatus": status, "ClientRequestHost": "www.example.com",
                   "ClientRequestScheme": "https"})
    if "OriginResponseStatus" in record and record["OriginResponseStatus"]:
        record["OriginResponseStatus"] = status
    return record


def tunnel_name(rng, payload_chars):
    """A dnscat2-style query: hex payload in labels of at most 62 characters under the tunnel's domain."""
    payload = mf.hex_id(rng, payload_chars)
    labels = [payload[i:i + 62] for i in range(0, len(payload), 62)]
    return ".".join(labels) + ".s.sync-metrics.example"


def triggers():
    rng = random.Random("%d:incidents" % SEED)  # fixed: the incidents do not depend on --seed
    chen, alice, bram, dana, emil, farah = (user(n) for n in ("chen", "alice", "bram", "dana", "emil", "farah"))
    out = []

    def add(stream, rules, *records):
        out.append(Trigger(stream, rules, list(records)))

    # --- Gateway DNS -------------------------------------------------------------------------------------
    add("gateway_dns", ["Telegram Bot API Request"],
        (at(8, 47, 12), dns_query(rng, at(8, 47, 12), chen, LONDON, "api.telegram.org", ["198.51.100.97"])))
    add("gateway_dns", ["Remote Monitoring and Management Software - AnyDesk", RAT],
        (at(9, 15, 40), dns_query(rng, at(9, 15, 40), dana, HOME, "boot.net.anydesk.com", ["203.0.113.71"])),
        (at(9, 16, 5), dns_query(rng, at(9, 16, 5), dana, HOME, "relay-8e2f41a7.net.anydesk.com", ["203.0.113.72"])))
    phish_host = "4d7a1f9e0c3b58a2e6f1d0b9c8a7e6f5.docs-secure-share.example"
    add("gateway_dns", ["EvilProxy Phishing Domain"],
        (at(10, 2, 33), dns_query(rng, at(10, 2, 33), alice, LONDON, phish_host, ["198.51.100.98"])))
    add("gateway_dns", ["Burp Suite Tool Detected"],
        (at(10, 31, 10), dns_query(rng, at(10, 31, 10), bram, AMSTERDAM, "k7x2p9q4m1v8w3z6t5r0y.oastify.com",
                                   ["198.51.100.99"])))
    add("gateway_dns", [],  # Burp's own polling host: filtered out by the rule
        (at(10, 31, 14), dns_query(rng, at(10, 31, 14), bram, AMSTERDAM, "polling.oastify.com", ["198.51.100.99"])))
    add("gateway_dns", ["Cryptomining"],
        (at(11, 20, 1), dns_query(rng, at(11, 20, 1), emil, HOME, "pool.supportxmr.com", ["198.51.100.104"])))
    add("gateway_dns", ["Dynamic DNS Contacted"],
        (at(12, 44, 19), dns_query(rng, at(12, 44, 19), farah, HOME, "nas-farah.duckdns.org", ["203.0.113.77"])))
    add("gateway_dns", ["Remote Monitoring and Management Software - Atera", RAT],
        (at(13, 58, 2), dns_query(rng, at(13, 58, 2), chen, LONDON, "agentreporting.atera.com", ["203.0.113.78"])))
    add("gateway_dns", ["Intelligence Feed"],
        (at(14, 10, 44), dns_query(rng, at(14, 10, 44), alice, LONDON, "cdn." + INTEL_DOMAIN, ["198.51.100.105"])))
    add("gateway_dns", [RAT],
        (at(14, 33, 27), dns_query(rng, at(14, 33, 27), dana, HOME, "client.teamviewer.com", ["203.0.113.79"])))
    # The tunnel: a burst of TXT queries from the home office, every 3-12 s for about 8 minutes; the short last
    # chunks of each message stay under 96 characters and match nothing.
    tunnel, ns = [], at(15, 2, 10, 118_000)
    for index in range(64):
        short = index % 16 == 15
        name = tunnel_name(rng, rng.randint(40, 56) if short else rng.randint(74, 118))
        rrs = [{"name": name, "type": "TXT", "class": "IN", "ttl": 0, "rdata": '"%s"' % mf.hex_id(rng, 48)}]
        record = dns_query(rng, ns, emil, HOME, name, qtype=16, qtype_name="TXT", records_json=rrs)
        tunnel.append((ns, record, short))
        ns += rng.randint(3_000, 12_000) * 1_000_000
    assert all(len(r["QueryName"]) >= 96 for _, r, short in tunnel if not short)
    assert all(len(r["QueryName"]) < 96 for _, r, short in tunnel if short)
    add("gateway_dns", ["Potential DNS Tunnel"], *[(n, r) for n, r, short in tunnel if not short])
    add("gateway_dns", [], *[(n, r) for n, r, short in tunnel if short])
    onion = "%s.onion.ly" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(56))
    add("gateway_dns", ["Suspicious TOR Gateway"],
        (at(16, 20, 55), dns_query(rng, at(16, 20, 55), bram, AMSTERDAM, onion, ["198.51.100.106"])))
    add("gateway_dns", ["Exfiltration Domain"],
        (at(16, 48, 9), dns_query(rng, at(16, 48, 9), alice, LONDON, "upload." + EXFIL_DOMAIN, ["198.51.100.107"])))
    add("gateway_dns", ["EICAR Detection"],
        (at(17, 5, 31), dns_query(rng, at(17, 5, 31), chen, LONDON, "www." + EICAR_DOMAIN, [EICAR_IP])))

    # --- Gateway HTTP (rfc3339 job) ----------------------------------------------------------------------
    covenant_ua = ("Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2228.0 "
                   "Safari/537.36")
    beacons = []
    for minute, path in ((40, "/en-us/index.html"), (45, "/en-us/docs.html"), (50, "/en-us/test.html")):
        ns = at(9, minute, rng.randint(0, 59))
        url = "http://192.0.2.60%s?page=%s&v=1" % (path, mf.new_uuid(rng))
        beacons.append((ns, http_via_gateway(rng, ns, chen, LONDON, url, ua=covenant_ua)))
    add("gateway_http", ["Covenant Default HTTP Beaconing"], *beacons)
    ns = at(9, 52, 3)
    add("gateway_http", [],  # same user agent, a path outside the profile
        (ns, http_via_gateway(rng, ns, chen, LONDON, "http://192.0.2.60/en-us/about.html", ua=covenant_ua)))
    ns = at(10, 5, 2)
    add("gateway_http", ["EvilProxy Phishing Domain"],
        (ns, http_via_gateway(rng, ns, alice, LONDON, "https://%s/common/oauth2/v2.0/authorize?client_id=%s"
                              % (phish_host, mf.new_uuid(rng)))))
    loki = []
    for ns in (at(11, 12, 40), at(11, 27, 41)):
        record = http_via_gateway(rng, ns, chen, LONDON, "http://dolce-vita-logistics.example/wp-content/fre.php",
                                  method="POST", ua="Mozilla/4.08 (Charon; Inferno)")
        for key in ("DeviceID", "DeviceName", "Email", "UserID", "RegistrationID"):
            record[key] = ""
        record.update({"SourceIP": BRANCH_SOURCE, "SourceInternalIP": "", "SourceIPCountryCode": "",
                       "SourceIPContinentCode": ""})
        loki.append((ns, record))
    add("gateway_http", ["Potential LokiBot User-Agent"], *loki)
    trevor_ua = "Mozilla/5.0 (Windows NT 6.3; Trident/7.0; rv:11.0) like Gecko"
    trevor, polls = [], []
    for minute in (3, 18):
        ns = at(12, minute, rng.randint(0, 59))
        guid = base64.b64encode(("magic_hostname=LAPTOP-DOKAFOR::%s" % mf.hex_id(rng, 8)).encode()).decode()
        trevor.append((ns, http_via_gateway(rng, ns, dana, HOME, "https://cdn-static-assets.example/images?guid="
                                            + guid, ua=trevor_ua)))
    for minute in (4, 9, 14):
        ns = at(12, minute, rng.randint(0, 59))
        polls.append((ns, http_via_gateway(rng, ns, dana, HOME, "https://cdn-static-assets.example/", ua=trevor_ua)))
    add("gateway_http", ["TrevorC2 HTTP Communication"], *trevor)
    add("gateway_http", [], *polls)
    bazar = []
    for ns in (at(13, 21, 7), at(13, 36, 8)):
        bazar.append((ns, http_via_gateway(rng, ns, alice, LONDON, "https://192.0.2.97/api/v2/%s" % mf.hex_id(rng, 16),
                                           method="POST", ua=BAZAR_UA)))
    add("gateway_http", ["Potential Bazar Loader User-Agents"], *bazar)
    ns = at(14, 12, 30)
    add("gateway_http", ["Intelligence Feed"], (ns, http_via_gateway(rng, ns, alice, LONDON, INTEL_URL)))
    ns = at(14, 40, 2)
    add("gateway_http", ["Telegram Bot API Request"],
        (ns, http_via_gateway(rng, ns, chen, LONDON, "https://api.telegram.org/bot6712345098:AAEx%s/sendDocument"
                              % mf.hex_id(rng, 24), method="POST", ua=UA_PYTHON)))
    ns = at(15, 55, 12)
    add("gateway_http", ["Remote Monitoring and Management Software - Atera", RAT],
        (ns, http_via_gateway(rng, ns, emil, HOME, "https://pubsub.atera.com/socket.io/?EIO=4&transport=polling",
                              ua="AteraAgent/1.8.6.7")))
    ns = at(16, 22, 31)
    add("gateway_http", ["Suspicious TOR Gateway"],
        (ns, http_via_gateway(rng, ns, bram, AMSTERDAM, "http://%s/" % onion)))
    ns = at(16, 49, 50)
    add("gateway_http", ["Exfiltration Domain"],
        (ns, http_via_gateway(rng, ns, alice, LONDON, "https://upload.%s/api/v1/upload" % EXFIL_DOMAIN, method="POST")))
    ns = at(17, 5, 40)
    eicar = http_via_gateway(rng, ns, chen, LONDON, "https://www.%s/download/eicar_com.zip" % EICAR_DOMAIN,
                             status=403)
    eicar.update({"Action": "block", "BlockedFileName": "eicar_com.zip", "BlockedFileReason": "malware",
                  "BlockedFileType": "zip", "BlockedFileSize": 184, "PolicyName": "Block known malware",
                  "BlockedFileHash": "2546dcffc5ad854d4ddc64fbf056871cd5a00f2471cb7a5bfd4ac23b6e9eedad",
                  "DestinationIP": EICAR_IP})
    add("gateway_http", ["EICAR Detection"], (ns, eicar))
    ns = at(18, 30, 18)
    add("gateway_http", ["Dynamic DNS Contacted"],
        (ns, http_via_gateway(rng, ns, farah, HOME, "http://nas-farah.duckdns.org:8123/lovelace/0")))

    # --- Gateway network ---------------------------------------------------------------------------------
    add("gateway_network", ["TOR Usage", "TOR Usage Generic Rule"],
        (at(2, 14, 21), session(rng, at(2, 14, 21), emil, HOME, TOR_RELAY_1, 9001)),
        (at(2, 15, 3), session(rng, at(2, 15, 3), emil, HOME, TOR_RELAY_2, 443)))
    add("gateway_network", [],  # NTP to pool servers that also run a Tor relay
        *[(ns, session(rng, ns, who, where, TOR_NTP, 123, "udp", ""))
          for ns, who, where in ((at(6, 0, 41), alice, LONDON), (at(11, 0, 40), bram, AMSTERDAM),
                                 (at(19, 0, 42), farah, HOME))])
    add("gateway_network", ["Remote Monitoring and Management Software - AnyDesk", RAT],
        (at(9, 16, 7), session(rng, at(9, 16, 7), dana, HOME, "203.0.113.72", 443,
                               sni="relay-8e2f41a7.net.anydesk.com")))
    add("gateway_network", ["Cryptomining"],
        (at(11, 20, 3), session(rng, at(11, 20, 3), emil, HOME, "198.51.100.104", 443, sni="pool.supportxmr.com")))
    add("gateway_network", [],  # the miner's plain stratum connection: no name, no match
        (at(11, 20, 9), session(rng, at(11, 20, 9), emil, HOME, "198.51.100.104", 3333, protocol="")))
    add("gateway_network", ["Telegram Bot API Request"],
        (at(14, 40, 1), session(rng, at(14, 40, 1), chen, LONDON, "198.51.100.97", 443, sni="api.telegram.org")))
    add("gateway_network", ["EICAR Detection"],
        (at(17, 5, 38), session(rng, at(17, 5, 38), chen, LONDON, EICAR_IP, 443, sni="www." + EICAR_DOMAIN)))
    add("gateway_network", ["Intelligence Feed"],
        (at(19, 30, 12), session(rng, at(19, 30, 12), bram, AMSTERDAM, INTEL_IP_C2, 8443, protocol="")))

    # --- HTTP requests to our zone -----------------------------------------------------------------------
    add("http_requests", ["Potential Lemon Duck User-Agent"],
        (at(3, 27, 5), zone_request(rng, at(3, 27, 5), "203.0.113.9", "Lemon-Duck-JKWC-QRAM", "/", country="cn")),
        (at(3, 27, 6), zone_request(rng, at(3, 27, 6), "203.0.113.9", "Lemon-Duck-JKWC-QRAM", "/robots.txt",
                                    status=404, country="cn")))
    add("http_requests", ["TOR Usage Generic Rule"],
        (at(5, 41, 2), zone_request(rng, at(5, 41, 2), TOR_EXIT, mf.UA_FIREFOX_WIN, "/products", country="de")),
        (at(5, 41, 30), zone_request(rng, at(5, 41, 30), TOR_EXIT, mf.UA_FIREFOX_WIN, "/products/rain-jacket-womens",
                                     country="de")))
    stuffing = []
    ns = at(7, 58, 11)
    for status in (403, 403, 403, 200):
        stuffing.append((ns, zone_request(rng, ns, INTEL_IP_STUFFING, mf.UA_CHROME_WIN, "/account/login", "POST",
                                          status, country="nl")))
        ns += rng.randint(20, 50) * 1_000_000_000
    add("http_requests", ["Intelligence Feed"], *stuffing)
    add("http_requests", ["Intelligence Feed"],
        (at(20, 15, 44), zone_request(rng, at(20, 15, 44), "203.0.113.14", INTEL_UA, "/sitemap.xml")))
    add("http_requests", [],  # LokiBot's user agent from a public address: not the internal-source rule
        (at(22, 5, 9), zone_request(rng, at(22, 5, 9), "198.51.100.233", "Mozilla/4.08 (Charon; Inferno)",
                                    "/fre.php", "POST", 404)))

    # --- Spectrum: scanners on the SSH bastion -----------------------------------------------------------
    def scan(ns, ip, asn=64499, country="us", filtered=False):
        if filtered:
            return [(ns, ssh_connection(rng, ns, "unixnano", ip, "clientFiltered", asn, country))]
        end = ns + rng.randint(2, 9) * 1_000_000_000
        return [(ns, ssh_connection(rng, ns, "unixnano", ip, "connect", asn, country)),
                (end, ssh_connection(rng, end, "unixnano", ip, "disconnect", asn, country, (end - ns) // 10**9))]

    burst = []
    for ip, (minute, second) in zip(SCANNERS, ((5, 12), (17, 40), (26, 3), (38, 51))):
        burst += scan(at(13, minute, second), ip)
    add("spectrum_events", ["Internet Scanner"], *burst)
    add("spectrum_events", ["Internet Scanner"], *scan(at(3, 12, 30), SCANNER_V6, 64498, "de"))
    add("spectrum_events", [], *scan(at(21, 40, 2), SCANNER_FILTERED, filtered=True))
    return out


CORRELATIONS = [  # title, expected alerts, what makes it fire
    ("Correlation Potential DNS Tunnel", 1,
     "gateway_dns: 60 Potential DNS Tunnel matches from 203.0.113.54 between 15:02 and 15:10"),
    ("Internet Scanner Target", 1,
     "spectrum_events: 4 scanner addresses on 203.0.113.223 (SSH bastion) between 13:05 and 13:39"),
]

# ---------------------------------------------------------------------------------------------------------
# Files

# Benign records per dataset over the day; each file takes the share of its hours.
DAILY_RECORDS = {"http_requests": 1000, "gateway_dns": 1150, "gateway_http": 480, "gateway_network": 560,
                 "dns_logs": 340, "spectrum_events": 110}
HOURLY = {"http_requests": SHOP_HOURS, "dns_logs": SHOP_HOURS, "gateway_dns": OFFICE_HOURS,
          "gateway_http": OFFICE_HOURS, "gateway_network": OFFICE_HOURS, "spectrum_events": OFFICE_HOURS}

# name, dataset, timestamp format, hours [first, end), gzip batch (else plain NDJSON)
FILES = [
    ("http_requests.ndjson", "http_requests", "unixnano", (0, 8), False),
    ("http_requests_20240514T080000Z_20240514T160000Z.ndjson.gz", "http_requests", "unixnano", (8, 16), True),
    ("http_requests_20240514T160000Z_20240515T000000Z.ndjson.gz", "http_requests", "unixnano", (16, 24), True),
    ("gateway_dns.ndjson", "gateway_dns", "unixnano", (0, 9), False),
    ("gateway_dns_20240514T090000Z_20240515T000000Z.ndjson.gz", "gateway_dns", "unixnano", (9, 24), True),
    ("gateway_http.ndjson", "gateway_http", "rfc3339", (0, 10), False),
    ("gateway_http_20240514T100000Z_20240515T000000Z.ndjson.gz", "gateway_http", "rfc3339", (10, 24), True),
    ("gateway_network.ndjson", "gateway_network", "unixnano", (0, 10), False),
    ("gateway_network_20240514T100000Z_20240515T000000Z.ndjson.gz", "gateway_network", "unixnano", (10, 24), True),
    ("dns_logs.ndjson", "dns_logs", "unix", (0, 24), False),
    ("spectrum_events.ndjson", "spectrum_events", "unixnano", (0, 24), False),
]
TIME_FIELD = {"http_requests": "EdgeStartTimestamp", "gateway_dns": "Datetime", "gateway_http": "Datetime",
              "gateway_network": "Datetime", "dns_logs": "Timestamp", "spectrum_events": "Timestamp"}


def benign_records(rng, dataset, fmt, hours, visitors):
    weights = HOURLY[dataset]
    count = round(DAILY_RECORDS[dataset] * sum(weights[h] for h in range(*hours)) / sum(weights))
    records = []
    for ns in day_instants(rng, count, weights, *hours):
        if dataset == "http_requests":
            record = mf.http_request(rng, ns, fmt)
            if rng.random() < 0.7 and record.get("VerifiedBotCategory", "") == "":
                restyle_visitor(rng, record, rng.choice(visitors))
        else:
            record = {"gateway_dns": benign_gateway_dns, "gateway_http": benign_gateway_http,
                      "gateway_network": benign_gateway_network, "dns_logs": benign_dns_log,
                      "spectrum_events": benign_spectrum}[dataset](rng, ns, fmt)
        records.append((ns, record))
    return records


def set_time(record, ns, dataset, fmt):
    """Writes the record's time fields in the file's format (trigger records are built as unixnano)."""
    record[TIME_FIELD[dataset]] = mf.timestamp(ns, fmt)
    if dataset == "http_requests" and "EdgeEndTimestamp" in record:
        record["EdgeEndTimestamp"] = mf.timestamp(ns + 40_000_000, fmt)
    if dataset == "spectrum_events":
        for key in ("ConnectTimestamp", "DisconnectTimestamp"):
            if isinstance(record.get(key), int) and record[key] != 0 and fmt != "unixnano":
                record[key] = mf.timestamp(record[key], fmt)


def file_for(dataset, ns):
    for name, ds, fmt, (first, end), _ in FILES:
        if ds == dataset and DAY_NS + first * HOUR_NS <= ns < DAY_NS + end * HOUR_NS:
            return name, fmt
    raise ValueError("no file for %s at %d" % (dataset, ns))


def gzip_batches(entries):
    """One gzip member per 5-minute upload interval that has records, as Logpush pushes them."""
    members, current, bucket = [], [], None
    for ns, record in entries:
        b = (ns - DAY_NS) // UPLOAD_INTERVAL_NS
        if current and b != bucket:
            members.append(mf.gzip_member(mf.ndjson(current)))
            current = []
        current.append(record)
        bucket = b
    if current:
        members.append(mf.gzip_member(mf.ndjson(current)))
    return b"".join(members), len(members)


def write_iocs(root):
    directory = os.path.join(root, "Fixtures", "iocs")
    for name, (what, values) in sorted(DEMO_IOCS.items()):
        text = IOC_HEADER.format(name=name) + "# Values: %s.\n\n" % what + "".join(v + "\n" for v in values)
        mf.write_bytes(os.path.join(directory, name + ".txt"), text.encode())


def write_replay(root, seed):
    rng = random.Random("%d:replay" % seed)
    visitors = visitor_pool(rng)
    entries = {name: [] for name, *_ in FILES}
    benign = {}
    for name, dataset, fmt, hours, _ in FILES:
        records = benign_records(random.Random("%d:replay:%s" % (seed, name)), dataset, fmt, hours, visitors)
        benign[name] = [r for _, r in records]
        entries[name] += records
    expected = {}  # rule title -> {file: count}
    for trigger in triggers():
        for ns, record in trigger.records:
            name, fmt = file_for(trigger.stream, ns)
            set_time(record, ns, trigger.stream, fmt)
            entries[name].append((ns, record))
            for rule in trigger.rules:
                expected.setdefault(rule, {}).setdefault(name, 0)
                expected[rule][name] += 1
    directory = os.path.join(root, "Fixtures", "replay")
    written = {}
    for name, dataset, _, _, batch in FILES:
        ordered = sorted(entries[name], key=lambda e: e[0])
        if batch:
            data, members = gzip_batches(ordered)
        else:
            data, members = mf.ndjson([r for _, r in ordered]), 0
        mf.write_bytes(os.path.join(directory, name), data)
        written[name] = (dataset, len(ordered), members)
    write_expected(directory, expected, written)
    write_iocs(root)
    return expected, written, benign


def write_expected(directory, expected, written):
    lines = [
        "# Replay samples: expected alerts",
        "",
        "Written by `scripts/make_replay_fixtures.py` (do not edit by hand; change the script and re-run it).",
        "One made-up day (2024-05-14 UTC) of Example Corp's Cloudflare logs with incidents mixed in. Replay:",
        "",
        "```sh",
        "sigflare replay --ioc Rules/iocs --ioc Fixtures/iocs Fixtures/replay/*.ndjson*",
        "```",
        "",
        "`Fixtures/iocs/` holds demo feed values (not threat intelligence) for the lists that ship empty.",
        "Every other record is benign and should raise nothing. `ReplayFixturesTests` reads the tables below.",
        "",
        "## Detection rules",
        "",
        "| Rule | Alerts | Files |",
        "| --- | --- | --- |",
    ]
    for rule in sorted(expected):
        files = ", ".join("`%s` %d" % (f, n) for f, n in sorted(expected[rule].items()))
        lines.append("| %s | %d | %s |" % (rule, sum(expected[rule].values()), files))
    lines += ["", "## Correlation rules", "", "Checked once the correlation rules are in `Rules/`.", "",
              "| Rule | Alerts | Files |", "| --- | --- | --- |"]
    for rule, count, why in CORRELATIONS:
        lines.append("| %s | %d | %s |" % (rule, count, why))
    lines += ["", "## Files", "", "| File | Dataset | Records | Gzip members |", "| --- | --- | --- | --- |"]
    for name, (dataset, count, members) in written.items():
        lines.append("| `%s` | %s | %d | %s |" % (name, dataset, count, members or "-"))
    lines += ["", "Each `.ndjson.gz` file is a run of Logpush pushes to an HTTP destination, one gzip member per",
              "push (one per 5-minute upload interval with records); `gateway_http` uses rfc3339 timestamps,",
              "`dns_logs` unix seconds, every other file unixnano.", ""]
    mf.write_bytes(os.path.join(directory, "EXPECTED.md"), "\n".join(lines).encode())


# ---------------------------------------------------------------------------------------------------------
# Checking

IP_FIELDS = ["ClientIP", "OriginIP", "EdgeServerIP", "SrcIP", "DstIP", "SourceIP", "DestinationIP", "OverrideIP",
             "SourceInternalIP", "ResolvedIPs", "AuthoritativeNameServerIPs", "EDNSSubnet"]


def check(root, written, benign):
    problems, summary = [], []
    directory = os.path.join(root, "Fixtures", "replay")
    for name, (dataset, count, members) in written.items():
        path = os.path.join(directory, name)
        with open(path, "rb") as f:
            data = f.read()
        if members:
            found, rest = 0, data
            while rest:
                decompressor = zlib.decompressobj(wbits=31)
                decompressor.decompress(rest)
                if not decompressor.eof:
                    problems.append("%s: member %d is incomplete" % (name, found + 1))
                    break
                found, rest = found + 1, decompressor.unused_data
            if found != members:
                problems.append("%s: %d gzip members, want %d" % (name, found, members))
            data = gzip.decompress(data)
        lines = data.split(b"\n")[:-1]
        records = [mf.parse_good_line(line) for line in lines]
        if len(records) != count:
            problems.append("%s: %d records, want %d" % (name, len(records), count))
        reference = mf.load_reference(dataset) or {}
        for number, record in enumerate(records, start=1):
            unknown = sorted(set(record) - set(reference))
            if reference and unknown:
                problems.append("%s line %d: fields not in the %s reference: %s" % (name, number, dataset, unknown))
        field = TIME_FIELD[dataset]
        instants = [r[field] if isinstance(r[field], int) else calendar.timegm(
            (int(r[field][:4]), int(r[field][5:7]), int(r[field][8:10]), int(r[field][11:13]), int(r[field][14:16]),
             int(r[field][17:19]))) for r in records]
        if instants != sorted(instants):
            problems.append("%s: records are not in time order" % name)
        summary.append("  %-62s %5d records%s" % (name, count, ", %d gzip members" % members if members else ""))
    for name, records in benign.items():
        for record in records:
            for key in IP_FIELDS:
                values = record.get(key)
                for value in (values if isinstance(values, list) else [values]):
                    if not value or not isinstance(value, str):
                        continue
                    address = ipaddress.ip_address(value)
                    if any(address in network for network in DEMO_NETWORKS):
                        problems.append("%s: benign %s %s is inside a demo IOC network" % (name, key, value))
    return problems, summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                        help="repository root (default: the parent of this script's directory)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the benign records (default %d)" % SEED)
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    expected, written, benign = write_replay(root, args.seed)
    problems, summary = check(root, written, benign)
    print("\n".join(["Fixtures/replay:"] + summary))
    print("  %d expected alerts over %d rules" % (sum(sum(v.values()) for v in expected.values()), len(expected)))
    if problems:
        shown = problems[:20] + (["... and %d more" % (len(problems) - 20)] if len(problems) > 20 else [])
        print("\n".join(["PROBLEMS:"] + shown), file=sys.stderr)
        return 1
    print("all replay checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

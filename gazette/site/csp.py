"""The Content-Security-Policy of a page whose own template must run inline script (the 404 page).

Every other page runs scripts from the site's files only (``overrides/main.html`` sets a policy
without 'unsafe-inline'). The 404 page is served at any address, so it cannot load its first script
from a relative URL: it finds the site's folder inline. For that page only, the policy is moved to the
top of ``<head>`` and allows exactly the inline scripts its template wrote, by their SHA-256, computed
at build time. The 404 page shows no gazette text, so no script of a gazette can be among them.
"""

from __future__ import annotations

import base64
import hashlib
import re

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')
_INLINE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)
_HEAD = re.compile(r"<head[^>]*>")


def with_script_hashes(html: str) -> str:
    """``html`` with its policy first in ``<head>``, allowing the hashes of the inline scripts it holds."""
    found = _POLICY.search(html)
    head = _HEAD.search(html)
    if not found or not head:
        return html
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(script["body"].encode("utf-8")).digest()).decode()
                     + "'" for script in _INLINE_SCRIPT.finditer(html)})
    policy = found["policy"].replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]), 1)
    html = html[:found.start()] + html[found.end():]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:head.end()] + meta + html[head.end():]

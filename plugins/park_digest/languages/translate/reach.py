"""Can the engine's host be reached? Checked once before the first request, so that a wrong
address or a dead network stops `make translate` in seconds instead of costing every unit its
retries and timeouts."""
from __future__ import annotations

import socket
import threading
from typing import Optional
from urllib.parse import urlsplit


def host_problem(url: str, connect_timeout: float, dns_timeout: float) -> Optional[str]:
    """None when the host of `url` resolves and accepts a connection, each within its bound;
    else what went wrong, to follow the host's name ("refused the connection")."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return "has no valid port"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) address"
    found: list = []

    def resolve() -> None:  # getaddrinfo takes no timeout: wait for it in a thread
        try:
            found.append(socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as exc:
            found.append(exc)

    lookup = threading.Thread(target=resolve, daemon=True)
    lookup.start()
    lookup.join(dns_timeout)
    if not found:
        return "was not resolved within %gs (DNS)" % dns_timeout
    if isinstance(found[0], BaseException):
        return "is not a known host name (DNS)"
    family, kind, proto, _, address = found[0][0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.settimeout(connect_timeout)
            probe.connect(address)
    except socket.timeout:
        return "did not answer within %gs" % connect_timeout
    except ConnectionRefusedError:
        return "refused the connection"
    except OSError as exc:
        return "cannot be reached (%s)" % (exc.strerror or type(exc).__name__)
    return None

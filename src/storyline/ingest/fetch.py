"""Fetch one URL safely and politely: the only way storyline reads the web.

Guards, all on by default: http and https only; private, loopback, link-local and other non-public
addresses refused where the connection is made (after DNS, on every redirect hop, so a name that
resolves or re-resolves inside cannot slip through); connect/read timeouts and a deadline for the
whole response; a size cap enforced while streaming; a redirect limit; robots.txt; a minimum delay
between requests to the same host; conditional requests (ETag / Last-Modified → 304).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from storyline import __version__
from storyline.errors import StorylineError

USER_AGENT = f"storyline/{__version__} (+https://github.com/storyline-news/storyline; news monitoring)"
SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # what Google reads of a robots.txt
ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt stays cached
DEADLINE_FACTOR = 4  # a whole response must arrive within this many times the timeout
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass
class Fetched:
    """The outcome of one successful fetch (a 2xx answer, or 304 for a conditional request)."""

    url: str  # as requested (fragment dropped)
    final_url: str  # after redirects
    status: int  # final HTTP status (304 when not modified)
    not_modified: bool
    content: bytes  # b"" when not modified
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime  # UTC, aware


class FetchError(StorylineError):
    """A URL that could not be fetched; ``kind`` says why, the message names the URL."""

    def __init__(self, url: str, kind: str, reason: str, status: int | None = None):
        self.url = url
        self.kind = kind  # "refused", "http", "timeout", "too_large", "redirects" or "network"
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


class AddressRefused(Exception):
    """Raised where a connection would be made to a non-public address."""

    def __init__(self, host: str, address: str):
        self.host = host
        self.address = address
        named = address if host == address else f"{host} resolves to {address}, which"
        super().__init__(f"{named} is not a public address")


def is_public_address(ip: str) -> bool:
    """Whether ``ip`` is a globally routable unicast address (IPv4 inside IPv6 judged as IPv4)."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(str(embedded))
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to for a TCP connection, in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving names itself and connecting only to vetted addresses."""

    def __init__(self, allow_private: bool = False):
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve ``host``, refuse it if any answer is not public, connect to an answer itself."""
        try:
            addresses = resolve(host, port)
        except OSError as error:
            raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from None
        if not self.allow_private:
            for address in addresses:
                if not is_public_address(address):
                    raise AddressRefused(host, address)
        failure: httpcore.ConnectError | None = None
        for address in addresses:  # the vetted address itself, so no second lookup can differ
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, path: str, timeout=None, socket_options=None) -> httpcore.NetworkStream:
        raise AddressRefused(path, "a unix socket")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on ``GuardedBackend``, and no proxies."""

    def __init__(self, allow_private: bool = False):
        ssl_context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context, network_backend=GuardedBackend(allow_private)
        )


class Fetcher:
    """Fetches URLs through one guarded ``httpx.Client``; use as a context manager.

    ``timeout`` is the seconds allowed to connect and between reads (a whole response gets
    ``DEADLINE_FACTOR`` times that); ``host_delay`` the minimum seconds from the end of one request to
    a host to the start of the next (robots.txt included). ``clock``/``sleep`` are for tests.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 15.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        host_delay: float = 1.0,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.host_delay = host_delay
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(
            transport=GuardedTransport(allow_private),
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,
            trust_env=False,
        )
        self._robots: dict[str, tuple[float, RobotFileParser]] = {}
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` following redirects; with ``etag``/``last_modified`` a 304 gives ``not_modified``.

        Raises ``FetchError`` for anything but a 2xx or 304 answer.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched = self._follow(url, headers, self.max_bytes, robots=self.respect_robots)
        if fetched.not_modified:
            fetched.etag = fetched.etag or etag
            fetched.last_modified = fetched.last_modified or last_modified
        return fetched

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, robots: bool) -> Fetched:
        """Request ``url`` and the redirects it leads to, checking every hop."""
        requested = url.split("#", 1)[0]
        current = requested
        for _ in range(self.max_redirects + 1):
            _check_url(requested, current)
            if robots and not self._robots_allow(requested, current):
                agent = self.user_agent.split("/", 1)[0]
                reason = f"{_where(requested, current)}robots.txt disallows it for {agent}"
                raise FetchError(requested, "refused", reason)
            response, content = self._get(requested, current, headers, max_bytes)
            if response.status_code in REDIRECT_STATUSES and response.next_request is not None:
                current = str(response.next_request.url).split("#", 1)[0]  # httpx resolved Location
                continue
            return _fetched(requested, current, response, content)
        raise FetchError(
            requested, "redirects", f"more than {self.max_redirects} redirects (the last one to {current})"
        )

    def _get(
        self, requested: str, url: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[httpx.Response, bytes]:
        """One GET: the response and its body (empty unless 2xx), within the size cap and deadline."""
        where, host = _where(requested, url), urlsplit(url).hostname or ""
        self._wait_for_host(host)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if not 200 <= response.status_code < 300:
                    return response, b""
                return response, self._read(requested, where, response, max_bytes)
        except AddressRefused as refused:
            raise FetchError(requested, "refused", f"{where}{refused} (--allow-private permits it)") from None
        except httpx.TimeoutException:
            raise FetchError(requested, "timeout", f"{where}no answer within {self.timeout:g} s") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            raise FetchError(requested, "refused", f"{where}not a valid URL ({error})") from None
        except httpx.HTTPError as error:
            raise FetchError(requested, "network", f"{where}{str(error) or type(error).__name__}") from None
        finally:
            self._last_request[host] = self._clock()  # the pause counts from the end of this answer

    def _read(self, requested: str, where: str, response: httpx.Response, max_bytes: int) -> bytes:
        """The body, refused as soon as it (or its declared length) passes ``max_bytes``."""
        too_large = f"{where}response is larger than the limit of {max_bytes} bytes"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(requested, "too_large", too_large, response.status_code)
        deadline = self._clock() + DEADLINE_FACTOR * self.timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(requested, "too_large", too_large, response.status_code)
            if self._clock() > deadline:
                raise FetchError(
                    requested, "timeout", f"{where}response took over {DEADLINE_FACTOR * self.timeout:g} s"
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, host: str) -> None:
        """Sleep until ``host_delay`` has passed since the last request to ``host`` ended.

        The pause counts from when the previous answer was read in full (or failed), not from when
        it was asked for, so a slow answer does not eat into the pause the host gets between two
        requests (``_get`` records that end time).
        """
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.host_delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _robots_allow(self, requested: str, url: str) -> bool:
        """Whether the robots.txt of ``url``'s scheme and host lets our User-Agent fetch it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        cached = self._robots.get(origin)
        if cached is None or self._clock() - cached[0] > ROBOTS_TTL:
            cached = self._robots[origin] = (self._clock(), self._read_robots(origin))
        return cached[1].can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        """The parsed robots.txt: 401/403 disallow everything; missing or unreadable allows everything."""
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            fetched = self._follow(origin + "/robots.txt", {}, ROBOTS_MAX_BYTES, robots=False)
        except FetchError as error:
            if error.kind == "http" and error.status in (401, 403):
                parser.disallow_all = True
            else:
                parser.allow_all = True
            return parser
        parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return parser


def refusal(url: str, *, allow_private: bool = False) -> str | None:
    """Why the fetcher refuses ``url`` whatever its server would answer (not http(s), no host, a host that
    resolves to an address that is not public unless ``allow_private``), as "URL: reason"; None when it may be
    tried. A name that does not resolve now is left to the fetch: it may resolve later."""
    try:
        _check_url(url, url)
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except FetchError as error:
        return str(error)
    except ValueError as error:  # a port that is not a number or out of range
        return f"{url}: not a valid URL ({error})"
    if allow_private:
        return None
    try:
        addresses = resolve(parts.hostname, port)
    except OSError:
        return None
    for address in addresses:
        if not is_public_address(address):
            return f"{url}: {AddressRefused(parts.hostname, address)}"
    return None


def _check_url(requested: str, url: str) -> None:
    """Refuse schemes other than http(s) and URLs without a host."""
    where = _where(requested, url)
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise FetchError(requested, "refused", f"{where}not a valid URL ({error})") from None
    if parts.scheme.lower() not in SCHEMES:
        got = f"not {parts.scheme!r}" if parts.scheme else "this URL has no scheme"
        raise FetchError(requested, "refused", f"{where}only http and https URLs can be fetched ({got})")
    if not parts.hostname:
        raise FetchError(requested, "refused", f"{where}the URL has no host")


def _where(requested: str, url: str) -> str:
    """The prefix naming a hop in a message: nothing for the URL itself, else the redirect target."""
    return "" if url == requested else f"redirected to {url}: "


def _fetched(requested: str, url: str, response: httpx.Response, content: bytes) -> Fetched:
    """The ``Fetched`` record of a final answer; anything but 2xx or 304 is a ``FetchError``."""
    status, where = response.status_code, _where(requested, url)
    if status >= 400 or status < 200:
        reason = f"{where}HTTP {status} {response.reason_phrase}".rstrip()
        raise FetchError(requested, "http", reason, status)
    if 300 <= status < 400 and status != 304:
        raise FetchError(requested, "http", f"{where}HTTP {status} without a usable Location", status)
    return Fetched(
        url=requested,
        final_url=url,
        status=status,
        not_modified=status == 304,
        content=content,
        content_type=response.headers.get("content-type"),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        fetched_at=datetime.now(UTC),
    )

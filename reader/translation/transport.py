"""Every HTTP request deep-translator makes, with timeouts and errors we can act on.

deep-translator calls `requests.get`/`requests.post` at module level inside each provider
module, with no timeout, and reads status codes its own way (or not at all). We give each of
those modules a stand-in `requests` object once (`install`). While the service runs a call inside
`guarded_call(...)` the stand-in:

- puts (connect, read) timeouts on the request and an overall deadline on the whole exchange
  (`reader.net`: a server trickling its answer is cut off too),
- lets a per-provider adapter reshape it (e.g. DeepL's key moves into a header) and a
  per-provider fixer touch up the answer before deep-translator parses it,
- turns timeouts and connection failures into `TransportError` and any HTTP status ≥ 400 into
  `HTTPStatusError` carrying Retry-After, before deep-translator sees the answer.

The per-call settings live in a `ContextVar`, so threads never see each other's settings and the
stand-in itself holds no per-call state. Outside `guarded_call` (someone using deep-translator
directly) requests pass through unchanged apart from the default timeouts.
"""

from __future__ import annotations

import email.utils
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import requests

from reader import net, secrets

# The deep-translator modules whose `requests` we replace.
PATCHED_MODULES = (
    "deep_translator.google",
    "deep_translator.deepl",
    "deep_translator.libre",
    "deep_translator.microsoft",
    "deep_translator.mymemory",
)


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and then for each read from the server, and for the
    whole exchange (connecting, sending, the headers and the body)."""

    connect: float = 5.0
    read: float = 20.0
    total: float = 60.0


DEFAULT_TIMEOUTS = Timeouts()

# (method, url, keyword arguments for requests) -> the same, reshaped for one provider.
RequestAdapter = Callable[[str, str, dict[str, Any]], tuple[str, str, dict[str, Any]]]
# Changes a successful response in place before deep-translator reads it.
ResponseFixer = Callable[[requests.Response], None]


class TransportError(Exception):
    """The request never got a whole answer: no connection (refused, DNS failure), a
    connection that broke off, silence longer than the read timeout, or the deadline passed."""

    def __init__(
        self,
        message: str,
        *,
        timed_out: bool,
        reached: bool = True,
        deadline_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.timed_out = timed_out
        self.reached = reached  # a connection was made (then went quiet or broke off)
        self.deadline_s = deadline_s  # set when the overall deadline cut the answer off


class HTTPStatusError(Exception):
    """The server answered with an error status (≥ 400)."""

    def __init__(self, status: int, retry_after: float | None, detail: str) -> None:
        super().__init__(f"HTTP {status}" + (f": {detail}" if detail else ""))
        self.status = status
        self.retry_after = retry_after
        self.detail = detail


@dataclass(frozen=True)
class CallContext:
    timeouts: Timeouts = DEFAULT_TIMEOUTS
    adapt: RequestAdapter | None = None
    fix_response: ResponseFixer | None = None
    # (user, password) for an endpoint behind HTTP basic authentication.
    login: tuple[str, str] | None = None


_current_call: ContextVar[CallContext | None] = ContextVar("translation_call", default=None)
_thread_state = threading.local()
_install_lock = threading.Lock()
_installed = False


@contextmanager
def guarded_call(context: CallContext) -> Iterator[None]:
    """Run deep-translator requests made inside the block with `context`'s rules."""
    install()
    token = _current_call.set(context)
    try:
        yield
    finally:
        _current_call.reset(token)


def install() -> None:
    """Give the deep-translator provider modules the guarded `requests` (once per process)."""
    global _installed
    if _installed:
        return
    import importlib

    with _install_lock:
        if _installed:
            return
        guarded = GuardedRequests()
        for name in PATCHED_MODULES:
            module: ModuleType = importlib.import_module(name)
            module.requests = guarded  # type: ignore[attr-defined]
        _installed = True


class GuardedRequests:
    """Stands in for the `requests` module inside deep-translator's provider modules."""

    def __getattr__(self, name: str) -> Any:
        # `requests.exceptions`, `requests.Response` and the rest stay the real ones.
        return getattr(requests, name)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send("GET", url, kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send("POST", url, kwargs)

    def _send(self, method: str, url: str, kwargs: dict[str, Any]) -> requests.Response:
        context = _current_call.get()
        if context is None:
            timeouts = DEFAULT_TIMEOUTS
            return requests.request(
                method, url, timeout=(timeouts.connect, timeouts.read), **kwargs
            )
        if context.adapt is not None:
            method, url, kwargs = context.adapt(method, url, kwargs)
        if context.login is not None:
            kwargs = {**kwargs, "auth": context.login}
        timeouts = context.timeouts
        total = timeouts.total
        per_read = (min(timeouts.connect, total), min(timeouts.read, total))
        with net.within(total) as deadline:
            try:
                response = _session().request(method, url, timeout=per_read, **kwargs)
            except requests.exceptions.RequestException as error:
                if deadline.expired:
                    raise _past_deadline(url, total) from error
                raise _transport_error(error, url, timeouts) from error
            if deadline.expired:  # cut off in the headers, an answer can look complete
                response.close()
                raise _past_deadline(url, total)
        if response.status_code >= 400:
            detail = _short_detail(response)
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            response.close()
            raise HTTPStatusError(response.status_code, retry_after, detail)
        if context.fix_response is not None:
            context.fix_response(response)
        return response


def _past_deadline(url: str, total: float) -> TransportError:
    return TransportError(
        f"no complete answer within {total:.3g} s ({_host(url)})", timed_out=True, deadline_s=total
    )


def _transport_error(
    error: requests.exceptions.RequestException, url: str, timeouts: Timeouts
) -> TransportError:
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return TransportError(
            f"could not connect to {_host(url)} within {timeouts.connect:g} s",
            timed_out=False,
            reached=False,
        )
    if isinstance(error, requests.exceptions.Timeout):
        return TransportError(f"no answer within the time limit ({_host(url)})", timed_out=True)
    if net.could_not_connect(error):
        return TransportError(
            f"could not reach {_host(url)} ({type(error).__name__})", timed_out=False, reached=False
        )
    return TransportError(
        f"the connection to {_host(url)} broke off ({type(error).__name__})", timed_out=False
    )


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, moment.timestamp() - current)


def _session() -> requests.Session:
    """One `requests.Session` per thread: connections are reused, sessions never shared."""
    session: requests.Session | None = getattr(_thread_state, "session", None)
    if session is None:
        session = net.session()
        _thread_state.session = session
    return session


def _host(url: str) -> str:
    """The host (and port) of `url` for a message: never the login before it."""
    netloc = urllib.parse.urlsplit(url).netloc.rpartition("@")[2]
    return netloc or secrets.without_url_login(url)


def _short_detail(response: requests.Response) -> str:
    """A short, single-line excerpt of an error body (error JSON often says what is wrong)."""
    try:
        text = response.text
    except Exception:  # a body we cannot decode is no reason to lose the status
        return ""
    return " ".join(text.split())[:160]

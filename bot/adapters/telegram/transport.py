"""The HTTP transport to the Bot API: aiohttp's client behind PTB's ``BaseRequest``.

PTB's default (httpx) scans its whole connection pool on every request; with several
updates in flight that cost more CPU than handling the turn itself (measured with
benchmarks/bench_telegram.py). aiohttp's client keeps this cheap. Timeouts and errors map
onto PTB's own exceptions, so retries and rate limiting behave as with the default.
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_READ_TIMEOUT = 5.0
JSON = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    def __init__(self, connections: int = 16, read_timeout: float = DEFAULT_READ_TIMEOUT
                 ) -> None:
        self._connections = connections
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        """Nothing yet: the session opens with the first request (see :meth:`_open`)."""

    def _open(self) -> aiohttp.ClientSession:
        """The session, opened on first use: a transport never used holds no connections."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                headers={"User-Agent": self.USER_AGENT})
        return self._session

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        write_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        connect_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        pool_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._open()
        read = read_timeout if isinstance(read_timeout, int | float) else self._read_timeout
        # The long poll waits up to its own timeout; give the socket room beyond that.
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=read + 5)
        try:
            body, headers = _body(request_data)
            async with session.request(method, url, data=body, headers=headers,
                                       timeout=timeout) as response:
                status, payload = response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp: {type(error).__name__}") from error
        return status, payload


def _body(request_data: RequestData | None) -> tuple[aiohttp.FormData | bytes | None,
                                                     dict[str, str] | None]:
    """The body and its headers: the fields as one JSON object (cheap to encode, and what
    the Bot API accepts), or a multipart form when files go along."""
    if request_data is None:
        return None, None
    fields = request_data.json_parameters
    files = request_data.multipart_data
    if not files:
        return request_data.json_payload, JSON
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form, None

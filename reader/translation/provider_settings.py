"""Which provider a translation goes to: the settings a `DeepTranslator` is built from."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ProviderSettings:
    """Which provider to ask, where, with which key, for which language pair.

    `endpoint_login` ("user:password") is sent as HTTP basic authentication to an endpoint
    behind a password; the endpoint itself holds no login (see `with_login_apart`).
    """

    name: str = "google"
    endpoint: str | None = None
    api_key: str | None = None
    source: str = "de"
    target: str = "en"
    endpoint_login: str | None = None

    def with_login_apart(self) -> ProviderSettings:
        """These settings with a `user:password@` in the endpoint (as the user typed it) moved
        into `endpoint_login`."""
        from reader.secrets import split_login

        if not self.endpoint or "@" not in self.endpoint:
            return self
        clean, login = split_login(self.endpoint)
        return replace(self, endpoint=clean, endpoint_login=login or self.endpoint_login)

    def __repr__(self) -> str:
        # Keeps API keys and passwords out of logs and tracebacks that print the settings.
        key = "***" if self.api_key else None
        login = "***" if self.endpoint_login else None
        return (
            f"ProviderSettings(name={self.name!r}, endpoint={self.endpoint!r}, api_key={key!r}, "
            f"source={self.source!r}, target={self.target!r}, endpoint_login={login!r})"
        )

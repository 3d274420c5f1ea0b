"""The real `Translator`: one deep-translator provider behind timeouts and HTTP error handling.

`providers.translate_once` sends the request (deep-translator inside `transport.guarded_call`);
`errors.classify` turns what went wrong into a `Failure`. Nothing outside this module and those
two knows that deep-translator is underneath.
"""

from __future__ import annotations

from dataclasses import replace

from reader.translation import catalogue
from reader.translation.answers import wrong_type
from reader.translation.errors import classify
from reader.translation.provider_settings import ProviderSettings
from reader.translation.providers import translate_once
from reader.translation.translator import Failure, TranslationError, time_left
from reader.translation.transport import Timeouts, TransportError


class DeepTranslator:
    """Translates through deep-translator with `settings`; checks them when built.

    Raises `catalogue.SettingsError` for an unknown provider or an impossible endpoint.
    """

    def __init__(self, settings: ProviderSettings, timeouts: Timeouts | None = None) -> None:
        settings = settings.with_login_apart()
        catalogue.check_settings(settings)
        info = catalogue.provider_info(settings.name)
        self.settings = settings
        self.timeouts = timeouts or Timeouts()
        self.name = settings.name
        self.display_name = info.display_name
        self.source = settings.source
        self.target = settings.target
        self.endpoint = catalogue.endpoint_for(settings)
        self.max_chars = info.max_chars

    def translate(self, text: str) -> str | None:
        out_of_time = Failure(f"{self.display_name} did not answer in time", retry=False)
        timeouts = self.timeouts
        left = time_left()
        if left is not None and left <= 0:
            raise TranslationError(out_of_time)
        # The service's deadline for the request, when it comes before our own.
        cut_short = left is not None and left < timeouts.total
        if left is not None and cut_short:
            timeouts = replace(timeouts, total=left)
        try:
            answer = translate_once(self.settings, text, timeouts)
        except Exception as error:
            failure = classify(error, self.settings, timeouts)
            if cut_short and isinstance(error, TransportError) and error.deadline_s is not None:
                failure = replace(failure, message=out_of_time.message)
            raise TranslationError(failure) from error
        if answer is not None and not isinstance(answer, str):
            # A JSON list or number where the text belongs is no translation, not even as str().
            raise TranslationError(wrong_type(self.display_name, answer))
        return answer

    def __repr__(self) -> str:
        return f"DeepTranslator({self.settings!r}, {self.timeouts!r})"

"""The real `Translator`: one deep-translator provider behind timeouts and HTTP error handling.

`providers.translate_once` sends the request (deep-translator inside `transport.guarded_call`);
`errors.classify` turns what went wrong into a `Failure`. Nothing outside this module and those
two knows that deep-translator is underneath.
"""

from __future__ import annotations

from reader.translation import catalogue
from reader.translation.answers import wrong_type
from reader.translation.errors import classify
from reader.translation.provider_settings import ProviderSettings
from reader.translation.providers import translate_once
from reader.translation.translator import TranslationError
from reader.translation.transport import Timeouts


class DeepTranslator:
    """Translates through deep-translator with `settings`; checks them when built.

    Raises `catalogue.SettingsError` for an unknown provider or an impossible endpoint.
    """

    def __init__(self, settings: ProviderSettings, timeouts: Timeouts | None = None) -> None:
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
        try:
            answer = translate_once(self.settings, text, self.timeouts)
        except Exception as error:
            raise TranslationError(classify(error, self.settings, self.timeouts)) from error
        if answer is not None and not isinstance(answer, str):
            # A JSON list or number where the text belongs is no translation, not even as str().
            raise TranslationError(wrong_type(self.display_name, answer))
        return answer

    def __repr__(self) -> str:
        return f"DeepTranslator({self.settings!r}, {self.timeouts!r})"

"""One running translation: the setup thread, the workers, retries and assembling paragraphs.

See `service` for what a job promises; `start_translation` there builds and starts one.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.document import Document
from reader.translation import chunking
from reader.translation.answers import Answer, check_answer
from reader.translation.cache import TranslationCache
from reader.translation.chunking import Batch, ParagraphPlan
from reader.translation.gate import Cancelled, RequestGate
from reader.translation.results import ParagraphTranslation, SentencePair
from reader.translation.sample import sample_translation
from reader.translation.translator import Failure, TranslationError, Translator, answer_by

logger = logging.getLogger(__name__)

DEFAULT_MAX_IN_FLIGHT = 4
ResultCallback = Callable[[ParagraphTranslation], None]


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failed request is tried again."""

    attempts: int = 4  # tries in all, the first included
    base_delay_s: float = 0.5  # doubled after each failure …
    max_delay_s: float = 8.0  # … up to this
    max_retry_after_s: float = 60.0  # a server asking for a longer pause gets a failure instead
    deadline_s: float = 60.0  # one request, its retries and pauses included, ends within this

    def delay(self, retry_number: int, retry_after: float | None) -> float:
        backoff = min(self.max_delay_s, self.base_delay_s * 2**retry_number)
        jittered = backoff * random.uniform(0.5, 1.0)  # spreads out workers that failed together
        return float(max(jittered, retry_after or 0.0))


class _RequestFailed(Exception):
    def __init__(self, failure: Failure, attempts: int, out_of_time: bool = False) -> None:
        super().__init__(failure.message)
        self.failure = failure
        self.attempts = attempts
        self.out_of_time = out_of_time  # the request's deadline left no time for another try


@dataclass
class _Progress:
    """What is known so far about one paragraph that needs the network."""

    plan: ParagraphPlan
    parts: dict[int, str] = field(default_factory=dict)  # first segment position -> text
    covered: set[int] = field(default_factory=set)
    aligned: bool = True
    finished: bool = False


class TranslationJob:
    """One running translation; results stream to the callback and collect here."""

    def __init__(
        self,
        *,
        document: Document,
        translator: Translator,
        on_result: ResultCallback,
        indices: list[int],
        cache: TranslationCache | None,
        gate: RequestGate,
        max_in_flight: int,
        retry: RetryPolicy,
        refresh: bool = False,
    ) -> None:
        self.total = len(indices)
        self._refresh = refresh
        self._document = document
        self._translator = translator
        self._on_result = on_result
        self._indices = indices
        self._cache = cache
        self._max_in_flight = max_in_flight
        self._gate = gate
        self._max_chars = translator.max_chars
        self._retry = retry
        self._results: dict[int, ParagraphTranslation] = {}
        self._delivery_lock = threading.RLock()  # re-entrant: on_result may call cancel()
        self._state_lock = threading.Lock()
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._progress: dict[int, _Progress] = {}
        self._work: queue.Queue[Batch | None] = queue.Queue()
        self._pending = 0
        self._workers: list[threading.Thread] = []
        self._fatal: str | None = None  # set once a retry cannot help (bad key, quota)
        self._lines_unreliable = False  # the provider merged lines once: stop packing paragraphs
        self._gate_key = (translator.name, translator.endpoint)

    # --- public ---------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop: no request is started and no result reported after this returns."""
        with self._delivery_lock:
            self._cancelled.set()
        self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished (or was cancelled); True if it has."""
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def results(self) -> list[ParagraphTranslation]:
        """The paragraphs finished so far, in paragraph order."""
        with self._delivery_lock:
            return [self._results[index] for index in sorted(self._results)]

    # --- setup ----------------------------------------------------------------------------

    def _start(self) -> None:
        threading.Thread(target=self._setup, name="translation-setup", daemon=True).start()

    def _setup(self) -> None:
        try:
            batches = self._answer_locally()
        except Exception:
            logger.exception("translation setup failed")
            batches = []
            self._fail_unreported("internal error while preparing the translation")
        if not batches or self._cancelled.is_set():
            self._finish()
            return
        with self._state_lock:
            self._pending = len(batches)
        for batch in batches:
            self._work.put(batch)
        # All workers exist before any starts: the last one to finish counts them to stop them.
        self._workers = [
            threading.Thread(target=self._work_loop, name=f"translation-{number}", daemon=True)
            for number in range(min(self._max_in_flight, len(batches)))
        ]
        for worker in self._workers:
            worker.start()

    def _answer_locally(self) -> list[Batch]:
        """Report what needs no network; return the requests for the rest."""
        sample = None if self._refresh else sample_translation(self._document)
        if sample is not None:
            for index in self._indices:
                self._deliver(sample[index])
            return []
        plans: list[ParagraphPlan] = []
        translator = self._translator
        for index in self._indices:
            text = self._document.paragraphs[index]
            if not chunking.has_content(text):
                self._deliver(ParagraphTranslation(index, text, text, None))
                continue
            cached = (
                self._cache.get(translator.name, translator.source, translator.target, text)
                if self._cache is not None and not self._refresh
                else None
            )
            if cached is not None:
                self._deliver(
                    ParagraphTranslation(
                        index, text, cached.translation, None, cached.sentences, from_cache=True
                    )
                )
                continue
            plan = chunking.plan_paragraph(index, text, self._max_chars)
            progress = _Progress(plan)
            for segment in plan.segments:
                if segment.passthrough:
                    progress.parts[segment.position] = segment.text
                    progress.covered.add(segment.position)
            self._progress[index] = progress
            plans.append(plan)
        return chunking.pack(plans, self._max_chars)

    # --- workers --------------------------------------------------------------------------

    def _work_loop(self) -> None:
        while True:
            batch = self._work.get()
            if batch is None:
                return
            try:
                if not self._cancelled.is_set():
                    self._process(batch)
            except Exception:
                logger.exception("translation worker failed")
                self._fail_paragraphs(batch.paragraphs, "internal error while translating")
            finally:
                self._batch_done()

    def _batch_done(self) -> None:
        with self._state_lock:
            self._pending -= 1
            finished = self._pending == 0
        if finished or self._cancelled.is_set():
            for _ in self._workers:
                self._work.put(None)
        if finished:
            self._finish()

    def _queue_more(self, batches: list[Batch]) -> None:
        with self._state_lock:
            self._pending += len(batches)
        for batch in batches:
            self._work.put(batch)

    def _process(self, batch: Batch) -> None:
        with self._state_lock:
            if all(self._progress[p].finished for p in batch.paragraphs):
                return  # every paragraph in it already failed through another request
            fatal = self._fatal
            split = len(batch.paragraphs) > 1 and self._lines_unreliable
        if fatal is not None:
            self._fail_paragraphs(batch.paragraphs, fatal)
            return
        if split:
            self._queue_more(chunking.split_by_paragraph(batch))
            return
        try:
            answer = self._translate_with_retries(batch)
        except Cancelled:
            return
        except _RequestFailed as failed:
            message = failed.failure.message
            if failed.out_of_time:
                message += (
                    f" (after {failed.attempts} attempt{'s' if failed.attempts > 1 else ''} "
                    f"in the {self._retry.deadline_s:g} s allowed)"
                )
            elif failed.attempts > 1:
                message += f" (after {failed.attempts} attempts)"
            if failed.failure.stops_job:
                with self._state_lock:
                    self._fatal = self._fatal or failed.failure.message
            self._fail_paragraphs(batch.paragraphs, message)
            return
        if answer.lines is None and len(batch.paragraphs) > 1:
            logger.info("the answer's lines were joined; sending those paragraphs one by one")
            with self._state_lock:
                self._lines_unreliable = True
            self._queue_more(chunking.split_by_paragraph(batch))
            return
        self._record(batch, answer)

    def _translate_with_retries(self, batch: Batch) -> Answer:
        """The checked answer to `batch`; a wrong-shaped answer is retried like a failure."""
        translator = self._translator
        sent = [segment.text for segment in batch.segments]
        ends = time.monotonic() + self._retry.deadline_s
        attempt = 0
        while True:
            if self._cancelled.is_set():
                raise Cancelled
            attempt += 1
            failure: Failure
            with self._gate.slot(self._gate_key, self._max_in_flight, self._cancelled):
                try:
                    with answer_by(ends):
                        answer = translator.translate(batch.text)
                    return check_answer(sent, answer, translator.display_name)
                except TranslationError as error:
                    failure = error.failure
                except Exception as error:
                    kind = type(error).__name__
                    failure = Failure(
                        f"{translator.display_name}: unexpected error ({kind})", retry=False
                    )
            if not failure.retry or attempt >= self._retry.attempts:
                raise _RequestFailed(failure, attempt)
            if failure.retry_after is not None and failure.retry_after > (
                self._retry.max_retry_after_s
            ):
                waited = Failure(
                    f"{failure.message}; the server asks to wait {failure.retry_after:.0f} s, "
                    "try again later",
                    retry=False,
                )
                raise _RequestFailed(waited, attempt)
            delay = self._retry.delay(attempt - 1, failure.retry_after)
            if time.monotonic() + delay >= ends:
                raise _RequestFailed(failure, attempt, out_of_time=True)
            logger.info("%s; retrying in %.1f s", failure.message, delay)
            if self._cancelled.wait(delay):
                raise Cancelled

    # --- assembling paragraphs ------------------------------------------------------------

    def _record(self, batch: Batch, answer: Answer) -> None:
        """Store a batch's answer; report the paragraphs it completes."""
        completed: list[_Progress] = []
        with self._state_lock:
            if answer.lines is not None:
                for segment, line in zip(batch.segments, answer.lines, strict=True):
                    progress = self._progress[segment.paragraph]
                    progress.parts[segment.position] = line
                    progress.covered.add(segment.position)
            else:
                # One paragraph (or part of one) whose lines came back merged: keep the
                # translation, give up the sentence pairs.
                progress = self._progress[batch.segments[0].paragraph]
                progress.parts[batch.segments[0].position] = answer.text
                progress.covered.update(segment.position for segment in batch.segments)
                progress.aligned = False
                self._lines_unreliable = True
            for paragraph in batch.paragraphs:
                progress = self._progress[paragraph]
                if not progress.finished and progress.covered >= progress.plan.positions:
                    progress.finished = True
                    completed.append(progress)
        for progress in completed:
            self._complete(progress)

    def _complete(self, progress: _Progress) -> None:
        plan = progress.plan
        source = self._document.paragraphs[plan.index]
        pairs: tuple[SentencePair, ...] = ()
        if progress.aligned:
            by_sentence: dict[int, list[str]] = {}
            for segment in plan.segments:
                by_sentence.setdefault(segment.sentence, []).append(
                    progress.parts[segment.position]
                )
            pairs = tuple(
                SentencePair(sentence, chunking.join_translations(by_sentence[number]), *span)
                for number, (sentence, span) in enumerate(
                    zip(plan.sentences, plan.spans, strict=True)
                )
            )
            translation = chunking.join_translations([pair.translation for pair in pairs])
        else:
            translation = chunking.join_translations(
                [progress.parts[position] for position in sorted(progress.parts)]
            )
        translator = self._translator
        if self._cache is not None:
            self._cache.put(
                translator.name, translator.source, translator.target, source, translation, pairs
            )
        self._deliver(ParagraphTranslation(plan.index, source, translation, None, pairs))

    def _fail_paragraphs(self, paragraphs: Sequence[int], message: str) -> None:
        failed: list[int] = []
        with self._state_lock:
            for paragraph in paragraphs:
                progress = self._progress[paragraph]
                if not progress.finished:
                    progress.finished = True
                    failed.append(paragraph)
        for paragraph in failed:
            source = self._document.paragraphs[paragraph]
            self._deliver(ParagraphTranslation(paragraph, source, None, message))

    def _fail_unreported(self, message: str) -> None:
        for index in self._indices:
            with self._delivery_lock:
                reported = index in self._results
            if not reported:
                source = self._document.paragraphs[index]
                self._deliver(ParagraphTranslation(index, source, None, message))

    def _deliver(self, result: ParagraphTranslation) -> None:
        with self._delivery_lock:
            if self._cancelled.is_set() or result.index in self._results:
                return
            self._results[result.index] = result
            try:
                self._on_result(result)
            except Exception:
                logger.exception("translation result callback failed")

    def _finish(self) -> None:
        # A safety net, not a code path: every paragraph is reported before the job ends.
        self._fail_unreported("internal error: the paragraph was never translated")
        self._done.set()

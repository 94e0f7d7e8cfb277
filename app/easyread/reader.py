"""Collects the text a page shows, in reading order, so its audio is made from the same strings."""

import hashlib
import re
from dataclasses import dataclass, field

from flask import current_app, g, has_request_context, request, url_for
from markupsafe import Markup, escape

from app.i18n import current_lang

_ENDS_SENTENCE = re.compile(r"[.!?:;…]$")


def clip_key(text: str, lang: str, voice: str, rate: int) -> str:
    """The name of a clip's file: a hash of everything that changes its sound."""
    return hashlib.sha256(f"{lang}\n{voice}\n{rate}\n{text}".encode()).hexdigest()


_SAMPLE_KEY = "0" * 64


def clip_url(lang: str, key: str) -> str:
    """The address of a clip's file. A page has a hundred or so: the address around the key is worked out once."""
    around = current_app.extensions.setdefault("clip_urls", {})
    name = (request.script_root if has_request_context() else None, lang)
    parts = around.get(name)
    if parts is None:
        parts = around[name] = tuple(
            url_for("easyread.audio_file", clip_lang=lang, key=_SAMPLE_KEY).rsplit(_SAMPLE_KEY, 1)
        )
    return f"{parts[0]}{key}{parts[1]}"


@dataclass(frozen=True)
class Clip:
    key: str
    text: str
    lang: str
    dom_id: str
    private_url: str | None = None  # private words are spoken on request and never stored
    typed: bool = False  # holds words a person typed: stored for a short time only

    @property
    def url(self) -> str:
        return self.private_url or clip_url(self.lang, self.key)

    @property
    def private(self) -> bool:
        return self.private_url is not None


@dataclass
class PageReader:
    lang: str
    voice: str
    rate: int
    clips: list[Clip] = field(default_factory=list)
    heading: str | None = None
    has_errors: bool = False
    link_glossary: bool = True
    linked_terms: set[str] = field(default_factory=set)
    typed_words: tuple[str, ...] = ()  # what the person typed into this request (search words), lower case

    def _typed(self, text: str) -> bool:
        folded = text.casefold()
        return any(word in folded for word in self.typed_words)

    private_words: dict[str, str] = field(default_factory=dict)  # page words that name a person: their private audio
    private_page_url: str | None = None  # where a page with private words is read whole, made on request

    def say(self, text: str, dom_id: str | None = None) -> Clip:
        """Register one piece of page text for audio and give it a clip (a private one when it names a person)."""
        plain = " ".join(str(text).split())
        if plain in self.private_words:
            return self.say_private(plain, self.private_words[plain])
        dom_id = dom_id or f"say-{len(self.clips) + 1}"
        clip = Clip(
            clip_key(plain, self.lang, self.voice, self.rate), plain, self.lang, dom_id, typed=self._typed(plain)
        )
        self.clips.append(clip)
        return clip

    def say_private(self, text: str, url: str) -> Clip:
        """Private words: shown and spoken, but kept out of the page clip and the clip store."""
        plain = " ".join(str(text).split())
        clip = Clip("", plain, self.lang, f"say-{len(self.clips) + 1}", private_url=url)
        self.clips.append(clip)
        return clip

    def shared_clips(self) -> list[Clip]:
        return [c for c in self.clips if not c.private]

    def set_heading(self, text: str) -> None:
        if self.heading is None:
            self.heading = " ".join(str(text).split())

    def mark_errors(self) -> None:
        """The page shows form errors, so its title starts with "Error:"."""
        self.has_errors = True

    def page_text(self, everything: bool = False) -> str:
        """Every registered string in order (private words too, if asked), each ending like a sentence so the
        voice pauses."""
        clips = self.clips if everything else self.shared_clips()
        parts = [c.text if _ENDS_SENTENCE.search(c.text) else f"{c.text}." for c in clips if c.text]
        return "\n".join(parts)

    def page_clip(self) -> Clip | None:
        """The whole page as one clip: from the shared store, or, on a page with private words and an address
        to read it from, spoken on request with them in it."""
        if self.private_page_url and any(c.private for c in self.clips):
            return Clip("", self.page_text(everything=True), self.lang, "say-page", private_url=self.private_page_url)
        text = self.page_text()
        if not text:
            return None
        typed = any(c.typed for c in self.shared_clips())
        return Clip(clip_key(text, self.lang, self.voice, self.rate), text, self.lang, "say-page", typed=typed)

    def stored_clips(self) -> list[Clip]:
        """The page's clips that live in the shared store: its words and, unless it is private, the whole page."""
        clip = self.page_clip()
        return self.shared_clips() + ([clip] if clip and not clip.private else [])

    def link_terms(self, text: str) -> Markup:
        """Escape text and link the first use on this page of each glossary word."""
        from app.easyread.glossary import link_first_terms

        if not self.link_glossary:
            return escape(text)
        return link_first_terms(str(text), self.linked_terms)


def typed_words() -> tuple[str, ...]:
    """The words typed into this request's free-text query values (AUDIO_TYPED_ARGS), each word folded."""
    if not has_request_context():
        return ()
    words = set()
    for name in current_app.config["AUDIO_TYPED_ARGS"]:
        for value in request.args.getlist(name):
            words.update(word.casefold() for word in value.split() if len(word) > 1)
            if value.strip():
                words.add(" ".join(value.split()).casefold())
    return tuple(sorted(words))


def reader() -> PageReader:
    """This request's reader, made on first use."""
    if "page_reader" not in g:
        lang = current_lang()
        g.page_reader = PageReader(
            lang=lang,
            voice=current_app.config["AUDIO_VOICES"].get(lang, ""),
            rate=current_app.config["AUDIO_RATE"],
            typed_words=typed_words(),
        )
    return g.page_reader

"""Who says so: the speaker a sentence attributes a fact to.

"Roe said (that) Freedonia threatened Ruritania", "Freedonia threatened Ruritania, Roe said" and
"according to Roe, Freedonia threatened Ruritania" attribute the threat to Roe when Roe is a
recognised entity.  The fact's arguments must stand inside what is said: the speaker's own act
("Roe said the ban was irresponsible" -> Roe criticized ...) has its subject on the reporting
verb and is the narrator's fact, not a reported one.  The reporting verbs are the lexicon's
``reporting`` list (``lexicon/relations.toml``); the phrases ("according to") are in
``lexicon/time.toml``.  A source the text does not name ("U.S. officials said", "according to
diplomats": a noun of ``unnamed_sources`` in ``lexicon/time.toml`` that is no recognised entity)
gives no speaker but its words, kept as the statement's unnamed source.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

__all__ = ["speaker", "speakers_of", "speaker_keys", "inside", "Said"]

KeysAt = Callable[[int], tuple[str, ...]]
Said = tuple["str | None", "str | None"]  # (speaker's entity key, words of an unnamed source)


def _subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _said(verb: Token) -> tuple[list[Token], set[int]]:
    """The speaker tokens of a reporting verb (with their conjuncts: "X and Y told reporters" has
    two speakers; a participle's are its head verb's: "X left, saying ...") and the token indices of
    what it reports."""
    subj = [t for c in verb.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
    if not subj and verb.dep_ in ("advcl", "conj", "xcomp") and verb.i > verb.head.i:
        # "X defended the deal, saying ...", "X spoke and added that ...": the speaker is the subject of
        # the verb the saying hangs on, and what is said is the saying's own complement
        subj = [t for c in verb.head.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
        return subj, {i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for i in _subtree(c)}
    if not subj:
        return [], set()
    if verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i:
        said = _subtree(verb.head) - _subtree(verb)  # "A attacked B, Roe said"; "A, Roe said, attacked B"
    else:
        said = set()
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis", "xcomp"):
                said |= _subtree(c)
    return subj, said


def _according(tok: Token, phrases: frozenset[str]) -> tuple[list[Token], set[int]]:
    """"according to X, ...": X and the rest of the sentence."""
    for phrase in phrases:
        words = phrase.split()
        toks = [tok.doc[tok.i + k] for k in range(len(words)) if tok.i + k < len(tok.doc)]
        if [t.lower_ for t in toks] != words:
            continue
        last = toks[-1]
        who = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
        if who:
            sent = tok.sent
            outside = _subtree(tok) | _subtree(last) | {t.i for t in toks}
            return who, {t.i for t in sent} - outside
    return [], set()


def speaker(sent: SpacySpan, args: list[list[Token]], keys_at: KeysAt, reporting: frozenset[str],
            phrases: frozenset[str], unnamed: frozenset[str] = frozenset()) -> Said:
    """Who the sentence attributes the fact to: (the speaker's entity key, None), (None, the words of
    an unnamed source such as "U.S. officials"), or (None, None) for the narrator or when no argument
    is located.  ``args`` holds the tokens of each argument (subject, object); each argument stands
    inside what is said, but the speaker may also be named outside it: "X said he met Y" (X again
    as "he") is X's report."""
    args = [a for a in args if a]
    if not args:
        return None, None
    firsts = {p.split()[0] for p in phrases}
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in reporting:
            who, said = _said(tok)
        elif tok.lower_ in firsts:
            who, said = _according(tok, phrases)
        else:
            continue
        if not who or not said:
            continue
        keys = speaker_keys(who, keys_at)
        if not all(inside(arg, said.__contains__, keys, keys_at) for arg in args):
            continue
        if len(who) == 1 and who[0].lower_ in unnamed and not keys_at(who[0].i):
            # "White House officials said": officials the text does not name, of a named body
            return None, _source_words(who[0])
        if len(keys) == 1:
            return keys.pop(), None
    return None, None


def speaker_keys(who: list[Token], keys_at: KeysAt) -> set[str]:
    """The entity keys of a reporting verb's subject words and their compounds ("White House" of
    "White House officials").

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["Acme", "officials", "said"], heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"])
    >>> speaker_keys([d[1]], lambda i: ("org/acme",) if i == 0 else ())
    {'org/acme'}
    """
    return {k for w in who for t in (w, *(c for c in w.children if c.dep_ == "compound")) for k in keys_at(t.i)}


def inside(arg: list[Token], said: Callable[[int], bool], speakers: set[str], keys_at: KeysAt) -> bool:
    """Does the argument stand inside what is said: all its mentions in the sentence, or, for the
    speaker itself, one of them ("X said he met Y")?

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["Roe", "said", "he", "met", "Doe"])
    >>> roe = lambda i: ("person/roe",) if i in (0, 2) else ()
    >>> inside([d[0], d[2]], {2, 3, 4}.__contains__, {"person/roe"}, roe), inside([d[0], d[2]], {2, 3, 4}.__contains__, set(), roe)
    (True, False)
    """
    if all(said(t.i) for t in arg):
        return True
    return any(said(t.i) for t in arg) and any(k in speakers for t in arg for k in keys_at(t.i))


def _source_words(noun: Token) -> str:
    """"U.S. officials", "a senior official": the noun with the words before it in its phrase
    (at most five; no clause after it)."""
    left = [t for t in noun.subtree if t.i <= noun.i][-6:]
    return " ".join(t.text for t in left if not t.is_punct or t.text in (".", "-")).strip()


def sayings_of(sent: SpacySpan, args: list[Token], reporting: frozenset[str]) -> list[Token]:
    """The reporting verbs of ``sent`` whose reported words hold all of ``args`` ("X announced on
    Monday that it would strike Y": "announced", for the argument Y)."""
    return [tok for tok in sent if tok.pos_ == "VERB" and tok.lemma_.lower() in reporting and args
            and all(a.i in _said(tok)[1] for a in args)]


def speakers_of(sent: SpacySpan, args: list[Token], keys_at: KeysAt, reporting: frozenset[str]) -> set[str]:
    """The entity keys of every speaker in ``sent`` whose reported words hold all of ``args`` ("North
    Korea said it may strike Guam": North Korea, for the argument Guam)."""
    return {k for tok in sayings_of(sent, args, reporting) for w in _said(tok)[0] for k in keys_at(w.i)}

"""Word lists that tell attribution, stance and hedging apart (data, not code: textacy style).

All entries are lemmas (lowercase) unless said otherwise, and all are general news vocabulary.
"""
from __future__ import annotations

# Verbs that attribute content to their subject: "X said that ...", "..., X added."
SPEECH_VERBS = frozenset({
    "say", "claim", "state", "insist", "warn", "assure", "confirm", "announce", "report",
    "tell", "add", "argue", "allege", "acknowledge", "admit", "suggest", "declare", "maintain",
    "stress", "note", "write", "describe", "assert", "contend", "believe", "estimate", "think",
    "explain", "emphasise", "emphasize", "reiterate", "indicate", "accuse", "concede", "testify",
    "tweet", "post", "predict", "conclude", "find", "show", "affirm", "highlight", "point",
    # denial verbs are speech verbs too; DENIAL_VERBS flips their stance
    "deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict",
})

# Verbs whose content the speaker holds to be false: "X denied that ...".
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict"})

# Nouns for a reported claim, so "denied claims by A and B that P" gives A and B asserting P,
# and "reports of P are false" denies P.
CLAIM_NOUNS = frozenset({
    "claim", "report", "allegation", "assertion", "suggestion", "statement", "rumor", "rumour",
    "information", "story", "accusation", "speculation", "account", "notion", "idea", "talk",
})

# Predicates that call content false: "reports of P are false".
FALSE_PREDICATES = frozenset({
    "false", "fake", "untrue", "baseless", "groundless", "unfounded", "fabricated",
    "manufactured", "wrong", "incorrect", "invented", "lie", "fiction", "nonsense",
    "disinformation", "misinformation", "propaganda", "inaccurate", "misleading",
})

# Words that hedge the content without flipping it: kept as `hedged`.
HEDGES = frozenset({
    "likely", "reportedly", "allegedly", "alleged", "apparently", "purportedly", "purported",
    "probably", "possibly", "perhaps", "may", "might", "could", "seem", "appear", "unconfirmed",
    "supposedly", "presumably",
})
# Hedges that are hedges only as modal verbs ("may" is also a month).
MODALS = frozenset({"may", "might", "could"})
# Phrases that hedge a whole sentence ("could not independently verify").
HEDGE_PHRASES = ("could not independently verify", "could not be independently verified",
                 "could not verify", "not independently verified", "unverified")

# Subject words that are not sources ("it said", "this shows") when no antecedent is found.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})

# Words of a person's title in front of the name ("US President Donald Trump"), kept in the
# label so resolve/ can tell who "the US president" is.
TITLES = frozenset({
    "president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen",
    "general", "gen.", "lieutenant", "colonel", "major", "admiral", "commander", "chief",
    "secretary", "senator", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "foreign", "defence", "defense", "interior", "deputy", "head",
    "commander-in-chief", "leader", "chair", "chairman", "chairwoman", "director",
    "captain", "officer", "mr.", "mrs.", "ms.", "dr.",
})

# Nouns for a document or figure that stands in for its author ("according to figures
# published by the ministry", "estimates by independent monitors"): the author is the source.
RECORD_NOUNS = frozenset({
    "figure", "estimate", "data", "report", "assessment", "statement", "analysis", "count",
    "tally", "survey", "poll", "study", "document", "record", "map", "footage", "image",
})

# Adjectives of doubt: "not sure that P" hedges P rather than denying it.
EPISTEMIC = frozenset({"sure", "certain", "clear", "convinced", "confident", "known", "aware"})

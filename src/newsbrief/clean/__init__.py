"""The clean stage: boilerplate removal, whitespace and quote normalisation, sentences."""

from newsbrief.clean.sentences import split_sentences

__all__ = ["split_sentences"]

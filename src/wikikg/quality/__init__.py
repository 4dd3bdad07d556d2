"""Evaluation against gold annotations and agreement between graphs."""

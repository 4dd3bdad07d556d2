"""Inputs -> Articles: files, directories, stdin and MediaWiki XML dumps."""

"""One module per CLI command; see `reader.cli`."""

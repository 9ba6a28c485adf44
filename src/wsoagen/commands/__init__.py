"""One module per CLI verb; `wsoagen.cli` parses the command line and dispatches here."""

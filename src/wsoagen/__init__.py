"""wsoagen: SEND Written Statements of Action as code.

YAML plan folders go in; validated models, Word, PDF and HTML documents come out.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wsoagen")  # set at build time from the git tag (setuptools-scm)
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

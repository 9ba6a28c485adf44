"""wsoagen: SEND Written Statements of Action as code.

YAML plan folders go in; validated models, Word, PDF and HTML documents come out.
"""

__version__ = "0.1.0"

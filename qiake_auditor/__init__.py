"""qiake-auditor: find, explain and dispute recurring deductions in personal statements."""

__version__ = "0.1.0"

"""The e-mail channel: SMTP receiver, MIME parsing, threading, loop protection, SMTP sender."""

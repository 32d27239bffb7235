"""The local chat-completions server of the coach tests, for the draft endpoint too."""

from tests.coach.conftest import model_server

__all__ = ["model_server"]

"""The errors a user can cause: one project type, with a message that names the file and the fix."""


class BriefingError(Exception):
    """A problem with the user's input or settings; the CLI shows it as one line, exit status 2."""

    exit_code = 2


class ArticleError(BriefingError):
    """One article cannot be read; the run skips it and goes on with the rest."""


class ProfileError(BriefingError):
    """The topic profile (brief.toml) is missing a required value or is malformed."""


class NoArticlesError(BriefingError):
    """No usable article remains for the brief's date window."""


class TemplateError(BriefingError):
    """A template file (`--templates`) is missing or broken."""


class OutputError(BriefingError):
    """An output file cannot be written."""


class MailError(BriefingError):
    """The email could not be built or sent."""


class FetchError(BriefingError):
    """A page or feed cannot be fetched or holds no article; `add` reports it and goes on."""


class DraftError(BriefingError):
    """An edited Word draft cannot be read, or is not a briefing draft."""


class ConversionError(BriefingError):
    """LibreOffice is missing, or could not turn a draft into PDF in time."""


class HistoryError(BriefingError):
    """An earlier brief's JSON record cannot be read, or is not one."""

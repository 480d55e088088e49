"""Options shared by commands, and the one function that turns them into ``Settings``."""

from __future__ import annotations

from typing import Any, Callable, Optional

import click

from ..errors import ConfigError
from ..settings import DEFAULT_DEADLINE, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Settings, parse_published


def _published(_ctx: click.Context, _param: click.Parameter, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        Settings(published=parse_published(value))
    except ConfigError as error:
        raise click.BadParameter(str(error)) from None
    return value


SETTINGS_OPTIONS: tuple[Callable[[Any], Any], ...] = (
    click.option("--kind", type=click.Choice(["text", "html"]), default=None,
                 help="Read the input as flattened text or HTML (detected when omitted)."),
    click.option("--date", "published", callback=_published, default=None, metavar="YYYY-MM-DD",
                 help="Publication date to use when you know it (overrides the page)."),
    click.option("--url", default=None, help="The page's URL, when SOURCE is a saved file."),
    click.option("--allow-private", is_flag=True, help="Allow fetching from loopback and private addresses."),
    click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
                 help="Seconds allowed for fetching a URL, in all."),
    click.option("--deadline", type=click.FloatRange(min=0), default=DEFAULT_DEADLINE, show_default=True,
                 help="Seconds an audit may take once the input is read (0: no limit); past it the report "
                      "says what was left out."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                 help="Largest input accepted, in bytes."),
    click.option("--encoding", default=None, help="The input's text encoding when it is not UTF-8."),
    click.option("--outlets", "outlets_file", type=click.Path(exists=True, dir_okay=False), default=None,
                 help="CSV of more known outlets (name,domain,country,aliases) to add to the bundled table."),
    click.option("--lists", "lists_dir", type=click.Path(exists=True, file_okay=False), default=None,
                 help="Folder of public site lists whose licences keep them out of the package (opensources, "
                      "fake_news_site_lists, media_reliability, us_news_domains), read beside the bundled ones."),
    click.option("--anchors", "anchors_file", type=click.Path(exists=True, dir_okay=False), default=None,
                 help="CSV of more anchor events (key,label,date,kind,aliases,context); a key replaces a bundled row."),
    click.option("--series", "series_files", type=click.Path(exists=True, dir_okay=False), multiple=True,
                 help="A reference series (JSON or CSV, see the README) claims are compared with; repeatable."),
)


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add every settings option to ``command``; it receives them as keyword arguments."""
    for option in reversed(SETTINGS_OPTIONS):
        command = option(command)
    return command


def settings_from(options: dict[str, Any]) -> Settings:
    """The ``Settings`` the parsed options describe."""
    return Settings(**options)

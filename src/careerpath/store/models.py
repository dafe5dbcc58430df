"""Tables for what people leave behind: pathway views, saved guides and their progress.

The knowledge base is read-only and shipped; everything here is user-side and lives in
SQLite by default or PostgreSQL. Change a table only through a new Alembic migration.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SLUG_LENGTH = 300
TOKEN_LENGTH = 43  # secrets.token_urlsafe(32)
ITEM_KEY_LENGTH = 200


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Small process-wide values that must survive restarts (e.g. the view-hash salt)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class PathwayView(Base):
    """One visitor on one pathway on one day. `visitor` is a salted hash, never an address."""

    __tablename__ = "pathway_view"
    __table_args__ = (UniqueConstraint("slug", "day", "visitor", name="uq_pathway_view_visit"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(SLUG_LENGTH))
    day: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(64))


class PathwayCount(Base):
    """Running total per pathway, kept beside the visits so 'popular' is one indexed read."""

    __tablename__ = "pathway_count"
    slug: Mapped[str] = mapped_column(String(SLUG_LENGTH), primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0, index=True)


class SavedGuide(Base):
    """A tailored guide as it was shown: the inputs and the Guide JSON, so it reads the same later."""

    __tablename__ = "saved_guide"
    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), primary_key=True)
    slug: Mapped[str] = mapped_column(String(SLUG_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    params: Mapped[dict] = mapped_column(JSON)
    guide: Mapped[dict] = mapped_column(JSON)
    # sha256 of the owner secret (the right to change or delete); None for guides saved before
    # owners existed, whose read link is also the owner's.
    owner_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)


class PlanItem(Base):
    """One thing ticked off on a saved plan: a roadmap task (kind "task", key = engine.progress.task_id)
    or a skill the person now knows (kind "learned", key = "<SkillToLearn.kind>:<SkillToLearn.key>").
    Deleting the saved guide deletes these (ON DELETE CASCADE, and Store.delete_saved does it explicitly)."""

    __tablename__ = "plan_item"
    token: Mapped[str] = mapped_column(
        String(TOKEN_LENGTH), ForeignKey("saved_guide.token", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(ITEM_KEY_LENGTH), primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

"""Saved guides get an owner: the hash of a secret, apart from the read link.

Anyone holding a saved guide's link could change or delete it. From here on, saving hands
the person a separate owner secret; only its SHA-256 is kept. Guides saved before this have
no owner hash, and their link keeps the rights it always had.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("saved_guide") as batch:
        batch.add_column(sa.Column("owner_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("saved_guide") as batch:
        batch.drop_column("owner_hash")

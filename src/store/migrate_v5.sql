-- Version 4 → 5: identity, batches in the change log, 未記入.
--
-- SQLite cannot alter a CHECK constraint or add a NOT NULL UNIQUE column, so each changed table
-- is rebuilt by SQLite's documented procedure: create new_X, copy, drop X, rename new_X to X, then
-- the indexes again. store::migrate turns foreign keys off around the transaction and runs
-- PRAGMA foreign_key_check before it commits. The new tables are written exactly as in
-- schema.sql (tests/migration.rs compares the two); every uid is drawn by its column default.

-- plan: + uid
CREATE TABLE new_plan (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    slug               TEXT NOT NULL UNIQUE,
    municipality       TEXT NOT NULL,
    title              TEXT NOT NULL,
    fiscal_year        INTEGER NOT NULL,
    achieved_threshold TEXT NOT NULL DEFAULT '100',
    near_threshold     TEXT NOT NULL DEFAULT '80',
    source             TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO new_plan (id, slug, municipality, title, fiscal_year, achieved_threshold,
        near_threshold, source)
    SELECT id, slug, municipality, title, fiscal_year, achieved_threshold, near_threshold, source
    FROM plan;
DROP TABLE plan;
ALTER TABLE new_plan RENAME TO plan;

-- initiative: + uid
CREATE TABLE new_initiative (
    id       INTEGER PRIMARY KEY,
    uid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    area     INTEGER NOT NULL CHECK (area > 0),
    kana     TEXT NOT NULL,
    title    TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (plan_id, area, kana)
) STRICT;
INSERT INTO new_initiative (id, plan_id, area, kana, title, position)
    SELECT id, plan_id, area, kana, title, position FROM initiative;
DROP TABLE initiative;
ALTER TABLE new_initiative RENAME TO initiative;

-- goal: + uid
CREATE TABLE new_goal (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    initiative_id       INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    unit                TEXT NOT NULL DEFAULT '',
    calc_method         TEXT NOT NULL DEFAULT '',
    formula             TEXT NOT NULL
        CHECK (formula IN ('ratio', 'lower_is_better', 'from_baseline', 'composite', 'milestone')),
    direction           TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    precision           INTEGER NOT NULL DEFAULT 0 CHECK (precision BETWEEN 0 AND 4),
    allow_negative      INTEGER NOT NULL DEFAULT 0 CHECK (allow_negative IN (0, 1)),
    baseline_num        TEXT,
    baseline_text       TEXT,
    target_num          TEXT,
    target_text         TEXT,
    actual_num          TEXT,
    actual_text         TEXT,
    milestone           TEXT CHECK (milestone IN ('achieved', 'not_achieved', 'not_graded')),
    evaluation          TEXT NOT NULL DEFAULT '',
    printed_achievement TEXT,
    page                INTEGER,
    activities_from     INTEGER REFERENCES goal(id),
    UNIQUE (initiative_id, number),
    CHECK (baseline_num IS NULL OR baseline_text IS NULL),
    CHECK (target_num IS NULL OR target_text IS NULL),
    CHECK (actual_num IS NULL OR actual_text IS NULL)
) STRICT;
INSERT INTO new_goal (id, initiative_id, number, position, title, note, unit, calc_method,
        formula, direction, precision, allow_negative, baseline_num, baseline_text, target_num,
        target_text, actual_num, actual_text, milestone, evaluation, printed_achievement, page,
        activities_from)
    SELECT id, initiative_id, number, position, title, note, unit, calc_method, formula,
        direction, precision, allow_negative, baseline_num, baseline_text, target_num,
        target_text, actual_num, actual_text, milestone, evaluation, printed_achievement, page,
        activities_from
    FROM goal;
DROP TABLE goal;
ALTER TABLE new_goal RENAME TO goal;

-- goal_part: + uid
CREATE TABLE new_goal_part (
    id       INTEGER PRIMARY KEY,
    uid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    goal_id  INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    unit     TEXT NOT NULL DEFAULT '',
    target   TEXT NOT NULL,
    actual   TEXT,
    note     TEXT NOT NULL DEFAULT '',
    UNIQUE (goal_id, position)
) STRICT;
INSERT INTO new_goal_part (id, goal_id, position, label, unit, target, actual, note)
    SELECT id, goal_id, position, label, unit, target, actual, note FROM goal_part;
DROP TABLE goal_part;
ALTER TABLE new_goal_part RENAME TO goal_part;

-- activity: + uid, and 'unset' (未記入). Version 4 had no way to say "nobody recorded a status",
-- so every activity read as 未着手 and was overdue once its 時期 passed. An activity still 'todo'
-- that no change-log row ever touched was never recorded by anyone: it becomes 未記入.
CREATE TABLE new_activity (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    goal_id      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    content      TEXT NOT NULL,
    period_raw   TEXT NOT NULL DEFAULT '',
    period_start TEXT,
    period_end   TEXT,
    status       TEXT NOT NULL DEFAULT 'unset'
        CHECK (status IN ('unset', 'todo', 'doing', 'done', 'dropped')),
    UNIQUE (goal_id, position)
) STRICT;
INSERT INTO new_activity (id, goal_id, position, content, period_raw, period_start, period_end,
        status)
    SELECT a.id, a.goal_id, a.position, a.content, a.period_raw, a.period_start, a.period_end,
        CASE WHEN a.status = 'todo' AND NOT EXISTS (
                SELECT 1 FROM change_log c
                WHERE c.entity = 'activity' AND c.entity_id = a.id AND c.field = 'activity_status')
            THEN 'unset' ELSE a.status END
    FROM activity a;
DROP TABLE activity;
ALTER TABLE new_activity RENAME TO activity;

-- change_log: + batch (each old row was its own action), entity_uid (looked up in the rebuilt
-- tables; a row whose entity is gone gets a uid of its own, which names nothing), source, and
-- the wider entity and kind sets.
CREATE TABLE new_change_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor      TEXT NOT NULL,
    plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    batch      INTEGER NOT NULL,
    entity     TEXT NOT NULL
        CHECK (entity IN ('plan', 'initiative', 'goal', 'part', 'activity')),
    entity_id  INTEGER NOT NULL,
    entity_uid TEXT NOT NULL,
    subject    TEXT NOT NULL,
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT,
    kind       TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN
        ('import', 'edit', 'undo', 'redo', 'add', 'remove', 'move', 'collect', 'rollover')),
    source     TEXT NOT NULL DEFAULT 'typed'
        CHECK (source IN ('typed', 'imported', 'collected', 'rolled_over', 'undo')),
    reverts    INTEGER REFERENCES change_log(id)
) STRICT;
INSERT INTO new_change_log (id, at, actor, plan_id, batch, entity, entity_id, entity_uid, subject,
        field, old, new, kind, source, reverts)
    SELECT c.id, c.at, c.actor, c.plan_id, c.id, c.entity, c.entity_id,
        coalesce(CASE c.entity
            WHEN 'plan' THEN (SELECT uid FROM plan WHERE id = c.entity_id)
            WHEN 'goal' THEN (SELECT uid FROM goal WHERE id = c.entity_id)
            WHEN 'part' THEN (SELECT uid FROM goal_part WHERE id = c.entity_id)
            WHEN 'activity' THEN (SELECT uid FROM activity WHERE id = c.entity_id)
        END, lower(hex(randomblob(16)))),
        c.subject, c.field, c.old, c.new, c.kind,
        CASE c.kind WHEN 'import' THEN 'imported' WHEN 'undo' THEN 'undo' WHEN 'redo' THEN 'undo'
            ELSE 'typed' END,
        c.reverts
    FROM change_log c;
DROP TABLE change_log;
ALTER TABLE new_change_log RENAME TO change_log;

-- The indexes of the rebuilt tables went with them.
CREATE INDEX initiative_by_plan ON initiative(plan_id, position);
CREATE INDEX goal_by_initiative ON goal(initiative_id, position);
CREATE INDEX part_by_goal ON goal_part(goal_id, position);
CREATE INDEX activity_by_goal ON activity(goal_id, position);
CREATE INDEX change_log_by_plan ON change_log(plan_id, id);
CREATE INDEX change_log_by_entity ON change_log(entity, entity_id, id);
CREATE INDEX change_log_by_uid ON change_log(entity_uid, field, id);

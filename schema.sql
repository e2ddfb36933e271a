-- tassei data file: the whole schema, version 7 (PRAGMA user_version, store::SCHEMA_VERSION).
-- A new file is created from this file alone; older files are upgraded by the steps in
-- src/store/migrate.rs, and tests check that both roads lead to the same schema.
--
-- Identity: row ids (INTEGER) are the file's own and SQLite reuses them after a delete. Every
-- plan, initiative, goal, part and activity also has a uid, 32 lowercase hex digits drawn at
-- random when the row is inserted and never reused, so the change log and later features can
-- name a row for good.
--
-- Exact numbers (基準値/目標値/実績値, thresholds, parts) are rust_decimal values stored as TEXT in
-- plain form ("9016", "13.47", "15.00": the scale is kept). A 基準値/目標値/実績値 that is free text
-- ("未導入", "令和６年度予算要求") is stored in the *_text column instead; both NULL means none (ー).
-- Free text is stored exactly as typed: never normalised.

CREATE TABLE plan (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    slug               TEXT NOT NULL UNIQUE,            -- e.g. ibusuki-dx-r5; --plan and import use it
    municipality       TEXT NOT NULL,
    title              TEXT NOT NULL,
    fiscal_year        INTEGER NOT NULL,                -- western year the FY starts in: 2023 = 令和5年度
    achieved_threshold TEXT NOT NULL DEFAULT '100',     -- a rate at or above this is achieved
    near_threshold     TEXT NOT NULL DEFAULT '80',      -- at or above this (and below achieved) is near
    source             TEXT NOT NULL DEFAULT '',
    lineage            TEXT                             -- shared by a plan and its rollovers (the first's uid)
) STRICT;

-- 施策の方向性 ⑴⑵⑶. The seed sheet prints only the numbers, so titles may be empty.
CREATE TABLE policy_area (
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    number  INTEGER NOT NULL CHECK (number > 0),
    title   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, number)
) STRICT;

-- 取り組み事項, coded by policy area and a katakana letter: ⑴-ア is (area 1, kana ア).
CREATE TABLE initiative (
    id       INTEGER PRIMARY KEY,
    uid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    area     INTEGER NOT NULL CHECK (area > 0),
    kana     TEXT NOT NULL,
    title    TEXT NOT NULL,
    position INTEGER NOT NULL,                         -- order on the sheet
    previous_uid TEXT,                                 -- the row it was rolled over from
    UNIQUE (plan_id, area, kana)
) STRICT;

-- 目標N: a KPI of an initiative.
CREATE TABLE goal (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    initiative_id       INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',      -- printed under the title (※参考 …)
    unit                TEXT NOT NULL DEFAULT '',
    calc_method         TEXT NOT NULL DEFAULT '',      -- 積算方法
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
    evaluation          TEXT NOT NULL DEFAULT '',      -- 評価内容
    printed_achievement TEXT,                          -- 達成度 as printed on the source sheet
    page                INTEGER,
    activities_from     INTEGER REFERENCES goal(id),   -- 実施内容は，⑴‐ア‐目標１に同じ
    previous_uid        TEXT,                          -- the goal of the year before (rollover)
    UNIQUE (initiative_id, number),
    CHECK (baseline_num IS NULL OR baseline_text IS NULL),
    CHECK (target_num IS NULL OR target_text IS NULL),
    CHECK (actual_num IS NULL OR actual_text IS NULL)
) STRICT;

-- The measured parts of a composite goal (⑴-オ 目標1: 開催回数 and 参加者数).
CREATE TABLE goal_part (
    id       INTEGER PRIMARY KEY,
    uid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    goal_id  INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    unit     TEXT NOT NULL DEFAULT '',
    target   TEXT NOT NULL,
    actual   TEXT,
    note     TEXT NOT NULL DEFAULT '',                 -- how the actual is made up (内訳)
    UNIQUE (goal_id, position)
) STRICT;

-- The arithmetic the sheet states for a figure (⑵-イ-7 実績値: 3,609 × 3分 ÷ 60, to 1 decimal).
CREATE TABLE goal_derivation (
    goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    figure     TEXT NOT NULL CHECK (figure IN ('baseline', 'target', 'actual')),
    expression TEXT NOT NULL,
    precision  INTEGER NOT NULL DEFAULT 0 CHECK (precision BETWEEN 0 AND 4),
    PRIMARY KEY (goal_id, figure)
) STRICT;

-- Review meetings (評価会議): one note per goal per meeting date, typed in the meeting, with the
-- goal's figures as they were then (JSON), for the minutes.
CREATE TABLE meeting_note (
    goal_id      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    meeting_date TEXT NOT NULL,                        -- YYYY-MM-DD
    decision     TEXT NOT NULL DEFAULT '',             -- 決定事項
    follow_up    TEXT NOT NULL DEFAULT '',             -- フォローアップ
    owner        TEXT NOT NULL DEFAULT '',             -- 担当 (a section)
    due          TEXT NOT NULL DEFAULT '',             -- 期限, YYYY-MM-DD or empty
    figures      TEXT NOT NULL DEFAULT '{}',           -- the goal's figures at the meeting
    PRIMARY KEY (goal_id, meeting_date)
) STRICT;

-- 実施内容 with 時期 (raw text as written, and the dates read from it) and status. `unset` is
-- 未記入: nobody has recorded a status yet (never overdue); `todo` is 未着手, recorded as not started.
CREATE TABLE activity (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
        CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    goal_id      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    content      TEXT NOT NULL,
    period_raw   TEXT NOT NULL DEFAULT '',
    period_start TEXT,                                 -- YYYY-MM-DD, NULL when open or unparsed
    period_end   TEXT,
    status       TEXT NOT NULL DEFAULT 'unset'
        CHECK (status IN ('unset', 'todo', 'doing', 'done', 'dropped')),
    previous_uid TEXT,                                 -- the activity of the year before (rollover)
    UNIQUE (goal_id, position)
) STRICT;

-- 担当係: one or more sections per activity, in the order the sheet lists them.
CREATE TABLE activity_section (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    section     TEXT NOT NULL,
    PRIMARY KEY (activity_id, position)
) STRICT;

-- Every change, written in the same transaction as the change itself. old/new are JSON encodings
-- of the field's value (see store::edit), so a change can be shown, audited and undone. Undo and
-- redo are changes too: their row names the row they revert, and the undo and redo stacks are
-- read back from these rows, so they survive a restart.
--
-- One user action is one batch: a typed edit is a batch of one row; an undo (and later a collect
-- or a rollover) writes all its rows in one batch. `batch` is the id of the batch's first row.
-- The entity is named by its uid as well as its row id: the uid is never reused.
CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),  -- UTC
    actor      TEXT NOT NULL,                          -- TASSEI_USER, the config's actor, or the OS user
    plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    batch      INTEGER NOT NULL,                       -- the id of the batch's first row
    entity     TEXT NOT NULL
        CHECK (entity IN ('plan', 'initiative', 'goal', 'part', 'activity')),
    entity_id  INTEGER NOT NULL,
    entity_uid TEXT NOT NULL,                          -- the uid of the row changed
    subject    TEXT NOT NULL,                          -- human reference: ⑴-ア-1, ⑴-オ-1 開催回数 …
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT,
    kind       TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN
        ('import', 'edit', 'undo', 'redo', 'add', 'remove', 'move', 'collect', 'rollover')),
    -- Where the new value came from: typed (or chosen) by a clerk, read from a plan file,
    -- collected from the sections, rolled over from the year before, or taken back from this
    -- log by an undo or redo.
    source     TEXT NOT NULL DEFAULT 'typed'
        CHECK (source IN ('typed', 'imported', 'collected', 'rolled_over', 'undo')),
    reverts    INTEGER REFERENCES change_log(id),      -- for undo and redo: the row reverted
    -- For a collected value: the handout it was returned on, and the file it came back in.
    handout_id INTEGER REFERENCES handout(id),
    origin     TEXT
) STRICT;

-- The handout registry (照会): a section's fill-in copy of a plan. Each field it carries has its
-- value as handed out (base, the change-log encoding) and as last collected from it, so the
-- three-way rule can tell a section's change from the coordinator's, and a file collected twice
-- changes nothing. collected_at is the last collect's time (UTC).
CREATE TABLE handout (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    section      TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    collected_at TEXT
) STRICT;

CREATE TABLE handout_field (
    handout_id INTEGER NOT NULL REFERENCES handout(id) ON DELETE CASCADE,
    entity_uid TEXT NOT NULL,                          -- the goal, part or activity
    field      TEXT NOT NULL,                          -- the change log's field word
    base       TEXT,                                   -- the value handed out
    collected  TEXT,                                   -- the value last collected
    PRIMARY KEY (handout_id, entity_uid, field)
) STRICT;

CREATE INDEX initiative_by_plan ON initiative(plan_id, position);
CREATE INDEX goal_by_initiative ON goal(initiative_id, position);
CREATE INDEX part_by_goal ON goal_part(goal_id, position);
CREATE INDEX activity_by_goal ON activity(goal_id, position);
CREATE INDEX section_by_name ON activity_section(section);
CREATE INDEX change_log_by_plan ON change_log(plan_id, id);
CREATE INDEX change_log_by_entity ON change_log(entity, entity_id, id);
CREATE INDEX change_log_by_uid ON change_log(entity_uid, field, id);
CREATE INDEX handout_by_plan ON handout(plan_id, id);

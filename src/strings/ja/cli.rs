//! The command line's words in Japanese: the values of
//! [`strings::cli`](crate::strings::cli)'s shapes. Command names, option names, value words
//! (`achieved`, `--yes`) and example command lines stay in ASCII, as they are typed.

use crate::strings::cli::{
    Activity, Backup, ClapErrors, Cli, Commands, Completions, Edit, ExchangeHelp, FoundIn, Frame,
    Global, Help, Import, Man, NewTemplate, Note, Output, Read, Restore, Rollover, RolloverHelp,
    Said, Session, Set, Similar, Summary,
};

pub const HELP_JA: Help = Help {
    about: "達成 — 計画のKPI評価シートを管理します（実績値・達成度・未達成・実施内容）",
    global_heading: "共通オプション",
    global: Global {
        db: "データファイル（既定: OSのデータフォルダにある tassei.db）",
        network_ok: "ネットワーク共有（NFS、SMB）上のデータファイルをそのまま使います。その間 tassei はファイルを占有するため（ロールバックジャーナル、排他ロック）、この tassei を終了するまで他のウィンドウや他の職員は開けません。できればファイルをこのコンピューターのディスクにコピーして使ってください",
        user: "変更履歴に記録する名前。undo で元に戻すのもこの名前の編集です（既定: 設定ファイルの actor、なければOSのアカウント名）",
        keep_backups: "日付付きコピーを何日分残すか（既定 7）。TASSEI_KEEP_BACKUPS で設定します",
        busy_timeout_ms: "他の tassei の書き込みが終わるのを待つ時間（ミリ秒）。TASSEI_BUSY_TIMEOUT_MS で設定します（テストでは短くします）",
        plan: "データファイルのどの計画を使うか、ID で指定します（既定: 最初の計画の最新年度）。ID は `tassei plans` で確認できます",
        as_of: "期限超過をこの日付で判定します: 2024-02-29、2024/2/29、R6.2.29、令和6年2月29日（既定: 今日）",
        theme: "TUI の配色: default、またはプロジェクター向けの high-contrast（T キーでも切り替えられます）。既定: 設定ファイルの `theme`、なければ default",
        lang: "表示する言語: ja（日本語）または en（英語）。既定: 設定ファイルの `lang`、なければロケール（日本語のロケールや日本語の Windows なら ja、それ以外は en）",
    },
    commands: Commands {
        export: "全目標を JSON、CSV（Excel 用の BOM 付き UTF-8）、または Excel ブック（xlsx: 印刷できる評価シート）で、あるいは計画全体を計画ファイル（plan: tassei import 用）で書き出します",
        find: "目標をコード・数値・語句で検索し、積算方法とともに一致度順に表示します",
        show: "目標のカードを表示します: 数値、計算過程、積算方法、評価内容、実施内容",
        set: "目標の実績値、マイルストーンの達成状況、複合目標の項目の実績値、または目標値・基準値・目標名・単位・積算方法を入力します",
        activity: "実施内容の進捗状況を設定します",
        summary: "状況ごとの件数と未達成の一覧を表示します",
        log: "変更履歴を表示します: いつ、誰が、何を変更したか",
        import: "計画ファイル（tassei-plan/2 または /1 形式の JSON）または計画のブック（.xlsx）を、既存の計画と並べて取り込みます。--into でブックの変更を元の計画に取り込みます",
        plans: "データファイルにある計画を一覧表示します",
        note: "目標に評価会議のメモを書きます: decision（決定事項）、follow_up（フォローアップ）、owner（担当）、due（期限）",
        minutes: "評価会議のメモを、取組ごとにまとめた Markdown の議事録にします",
        review: "TUI を評価会議モードで開きます",
        backup: "データファイルを今すぐコピーします（使用日ごとの自動コピーとは別に）",
        restore: "現在のデータファイルをコピーしてから、バックアップで置き換えます",
        undo: "自分の直前の編集を元に戻します（変更履歴から読むため、再起動後も使えます）",
        redo: "直前に元に戻した編集をやり直します",
        completions: "bash、zsh、fish、PowerShell の補完スクリプトを出力します（データファイルは使いません）",
        man: "tassei またはそのコマンドのマニュアルページ（roff）を出力します（データファイルは使いません）",
        handout: "担当係への照会票（Excel）を書き出します: その係の目標と実施内容、入力欄のみ編集可",
        collect: "回答された照会票を読み、三者比較で取りまとめます（既定はプレビュー）",
        sections: "照会票を出せる担当係の一覧: 係ごとに主担当の目標と実施内容の数",
        rollover: "この計画から次年度の計画を作ります。前年度の実績値を基準値に、時期を1年後に（プレビュー。--apply で書き込み）",
        new: "Excel で書いて tassei import で読み込む、空の計画ブックを書き出します（--template ファイル.xlsx）",
    },
    goal: "目標: 1-ア-1、⑴-ア-1、(1)-ア-1 のいずれかの書き方",
    output: "標準出力ではなく、このファイルに書き出します",
    export_format: "json: 目標ごとのレコードの配列、csv: BOM 付き UTF-8（数式は無効化）、xlsx: 評価シートの体裁の Excel ブック（端末では --output が必要）、plan: 計画全体を tassei-plan/2 形式で（tassei import で別のデータファイルにそのまま取り込めます）",
    find_words: "目標コード（2-イ-7、2イ7）、数値（216）、または語句（コンビニ 電子申請）。語句はすべて含む目標を探します",
    log_goal: "この目標の変更だけを表示します（項目と実施内容の変更を含む）",
    import_file: "tassei-plan/2 または /1 形式（JSON）の計画ファイル、または tassei export --format xlsx か tassei new --template が書くブック（.xlsx）（README を参照）",
    import_into: "ブック（.xlsx）を書き出し元の計画と行ごと（UID で）に比べ、変わった値を表示します（プレビュー）",
    import_prefer: "--into --apply で、ブックとデータファイルの両方で変わった値をどちらにするか: workbook（ブックの値）または stored（データファイルの値）",
    import_apply: "--into と一緒に: 変わった値を通常の編集として書き込みます（tassei undo で1回で戻せます）",
    new_template: "書き出すブック（.xlsx）。tassei import が読むシート、【記入例】の行、記入方法のシート。既にあるファイルは置き換えません",
    import_id: "新しい計画の ID（ファイルの ID の代わりに。同じ ID の計画がデータファイルにすでにあるとき）",
    minutes_date: "会議の日付: 2026-11-24、R8.11.24、令和8年11月24日（既定: メモのある直近の会議）",
    restore: Restore {
        file: "データファイルのバックアップ（例: tassei.db.bak-2026-11-24）",
        yes: "確認せずにデータファイルを置き換えます（置き換える前にコピーします）",
    },
    undo_yes: "自分の編集の後に他の人がその項目を変更していても実行します（その人の値は上書きされますが、その変更は変更履歴に残ります）。繰越を元に戻すときは確認せずに計画を削除します",
    note: Note {
        field: "decision（決定事項）、follow_up（フォローアップ）、owner（担当）、due（期限: 2026-12-15、R8.12.15、令和8年12月15日などの日付。2026-12-15 の形で保存します）",
        text: "内容（日本語で書けます）。空にするとその項目を消去します",
        date: "会議の日付。期限と同じ書き方です（既定: 今日）",
    },
    activity: Activity {
        number: "目標カードに表示される実施内容の番号（1から）",
        status: "実施内容の進捗状況",
        status_value: "unset、todo、doing、done、dropped、または 未記入、未着手、実施中、完了、中止。unset（未記入）は状況を消去します（記録なしとなり、期限超過にもなりません）",
        content: "実施内容の文章（空欄にはできません）",
        period: "実施内容の時期をシートの書き方で（R５.７～Ｒ６．２、R6.3末、上半期、随時 など）。計画の年度で読み取ります。実在しない日付（平成31年5月）は受け付けません。読み取れない文は保存し、読めない時期として数えます",
        sections: "担当係。複数の係は 、 か , で区切ります（市民係、総務係）",
        text: "内容（日本語で書けます）",
        examples: "例:\n  tassei activity 1-ア-1 1 status done\n  tassei activity 1-ア-1 1 content \"職員向け研修を実施する\"\n  tassei activity 1-ア-1 1 period R５.６～Ｒ６．２\n  tassei activity 1-ア-1 1 sections 市民係、総務係",
    },
    set: Set {
        fields_heading: "入力する項目",
        examples: "例:\n  tassei set 1-ア-1 actual 9,500\n  tassei set 2-イ-1 achieved yes\n  tassei set 1-オ-1 part 1 14回\n  tassei set 1-オ-1 part 1 target 8\n  tassei set 1-ウ-2 target 95\n  tassei set 1-ア-1 formula from_baseline\n  tassei set --initiative 1-ア title \"行政手続のオンライン化\"\n  tassei set --plan-field title \"指宿市DX推進計画\"\n  tassei set --plan-field thresholds 100 80       （達成 100％・概ね達成 80％。全目標を再評価）",
        actual: "目標の実績値を入力し、再計算した達成度を表示します",
        actual_example: "例: tassei set 1-ア-1 actual 9,500",
        actual_value: "シートと同じ書き方: 9500、9,500、９，５００、9,500件（目標の単位）。符号も読み取りますが、負の値をとらない目標では受け付けません。none（なし）で消去します",
        achieved: "マイルストーン目標を達成したかどうかを入力します",
        achieved_example: "例: tassei set 2-イ-1 achieved yes",
        achieved_state: "yes、no、ungraded、または achieved、not_achieved、not_graded、達成、未達成、ー。none または 未入力 で未入力に戻します（年度の初め）",
        part: "複合目標の1つの項目の実績値を入力します。先に label、unit、target を書くと項目名・単位・目標値を変更します",
        part_example: "例:\n  tassei set 1-オ-1 part 1 14回\n  tassei set 1-オ-1 part 1 label 開催回数\n  tassei set 1-オ-1 part 1 unit 回\n  tassei set 1-オ-1 part 1 target 8",
        part_number: "目標カードに表示される項目の番号（1から）",
        part_value: "シートと同じ書き方で、項目の単位で: 14、14回、１４回",
        yes: "件・人・回など数えられる単位の目標で 9.500 のような値を入力したとき、9,500 のつもりか確認せずに小数の 9.5 として保存します",
        target: "目標の目標値を入力し、再計算した達成度を表示します",
        target_example: "例: tassei set 1-ウ-2 target 95",
        baseline: "目標の基準値を入力し、再計算した達成度を表示します",
        baseline_example: "例: tassei set 1-ウ-2 baseline 80",
        title: "目標の目標名を入力します",
        title_example: "例: tassei set 1-ウ-2 title \"マイナンバーカードの有効申請率を３％向上させる\"",
        unit: "目標の単位（シートで各数値の後ろに表示するもの）を入力します",
        unit_example: "例: tassei set 1-ア-1 unit 件",
        calc_method: "目標の積算方法（数値の数え方）を入力します",
        calc_method_example: "例: tassei set 1-ウ-2 calc_method \"令和6年2月末時点\"",
        text: "内容（日本語で書けます）。目標名は空欄にはできません",
        precision: "目標の達成度を表示する小数桁を入力し、再計算した達成度を表示します",
        precision_example: "例: tassei set 1-ウ-2 precision 2",
        precision_digits: "小数点以下の桁数（0から4）",
        figure_value: "シートと同じ書き方で、目標の単位で（マイルストーン目標は文章で）。none（なし）で消去します",
        note: "目標名の下に表示する注記（※参考 など）。空の文字列で削除します",
        note_example: "例: tassei set 1-ウ-1 note \"※参考:令和４年度総取扱件数 28,787件\"",
        formula: "達成度の算式。計画ファイルの取り込みと同じ規則で目標の数値と照合し、すぐに再評価します（複合目標の項目は計画の構成のため、複合との変更はできません）",
        formula_example: "例: tassei set 2-イ-3 formula milestone",
        formula_kind: "計画ファイルと同じ語: ratio（実績値 ÷ 目標値）、lower_is_better、from_baseline、milestone",
        direction: "実績値が大きいほどよい（higher）か小さいほどよい（lower）か。ratio は higher、lower_is_better は lower です",
        direction_example: "例: tassei set 1-ア-1 direction lower",
        direction_word: "higher か lower",
        part_field_value: "先に項目（label、unit、target）を書いた場合はその値: tassei set 1-オ-1 part 1 target 8",
    },
    completions: Completions {
        shell: "補完スクリプトを作るシェル",
        examples: "インストール（その後、新しいシェルを開いてください）:\n  bash:        tassei completions bash > ~/.local/share/bash-completion/completions/tassei\n  zsh:         tassei completions zsh > ~/.zfunc/_tassei   (~/.zshrc の compinit より前に fpath+=(~/.zfunc))\n  fish:        tassei completions fish > ~/.config/fish/completions/tassei.fish\n  PowerShell:  $PROFILE に  tassei completions powershell | Out-String | Invoke-Expression  を追加",
    },
    man: Man {
        command: "ページを書き出すコマンド: set、または set の項目なら set actual（省略すると tassei 自体のページ。コマンドの一覧があります）",
        examples: "例:\n  tassei man > tassei.1 && man ./tassei.1\n  tassei man set > tassei-set.1",
    },
    exchange: ExchangeHelp {
        section: "照会票を出す担当係（シートの表記のまま）: 市民係（一覧は tassei sections）",
        all_sections: "係ごとに一つずつ、--output のフォルダに書き出します",
        output: "書き出す照会票（--all-sections ではフォルダ）",
        files: "回答された照会票",
        apply: "変更を書き込みます（指定しなければプレビューのみ）",
        prefer: "競合をすべて解決します: 回答の値を採る（returned）か現在の値を残す（current）",
        confirm_clears: "係が空欄にした値を消去として反映します（付けないと、それぞれ除外して一覧にします）",
        all_or_nothing: "除外される行が一つでもあるファイルは何も反映しません",
        force: "同じ名前の照会票があっても置き換えます（係が前の照会票に記入中かもしれません）",
        format: "xlsx: 記入用のブック、tassei: ノートパソコンで tassei --db ファイル として開き、オフラインで入力する照会用データファイル（.tassei）",
    },
    rollover: RolloverHelp {
        to: "作る年度（計画の翌年度）：2024、令和6、R6、２０２４ のいずれの書き方でも",
        id: "新しい計画のID（既定：計画のIDの年を進めたもの。ibusuki-dx-r5 → ibusuki-dx-r6）",
        apply: "新しい計画を書き込みます（付けなければプレビューのみで、何も書き込みません）",
        baseline: "目標ごとの新しい基準値：目標=actual（前年度の実績値、既定）、keep（今の基準値のまま）、none（空に）。繰り返し指定できます（例：--baseline ⑴-ア-1=keep）",
        baselines: "すべての目標の新しい基準値：actual（前年度の実績値、既定）、keep（今の基準値のまま）、none（空に）。--baseline で目標ごとに変えられます",
    },
};

pub const JA: Cli = Cli {
    plan_goals: |goals| format!("（目標 {goals}件）"),
    help: HELP_JA,
    frame: FRAME_JA,
    said: SAID_JA,
    session: SESSION_JA,
    output: OUTPUT_JA,
    summary: SUMMARY_JA,
    backup: BACKUP_JA,
    import: IMPORT_JA,
    edit: EDIT_JA,
    read: READ_JA,
    rollover: ROLLOVER_JA,
    new: NewTemplate {
        wrote: |path| {
            format!(
                "計画のひな形 {} を書き出しました。【記入例】の行に計画を上書きし（各列の書き方は「記入方法」シート）、tassei import {} で読み込んでください",
                path.display(),
                path.display()
            )
        },
        not_xlsx: |path, suggested| {
            format!(
                "{} は .xlsx で終わる名前ではありません。ひな形は Excel ブックなので、{} のように .xlsx を付けた名前にしてください",
                path.display(),
                suggested.display()
            )
        },
        exists: |path| {
            format!(
                "{} は既にあります。ひな形でファイルを上書きすることはありません。別のファイル名にするか、そのファイルを移動してください",
                path.display()
            )
        },
    },
};

pub const SAID_JA: Said = Said {
    failure: |line| format!("tassei: {line}"),
    warning: |warning| format!("tassei: 警告: {warning}"),
    note: |note| format!("tassei: お知らせ: {note}"),
    usage: |usage| format!("使い方: {usage}"),
};

pub const SESSION_JA: Session = Session {
    error_reporter: |e| format!("エラー報告の仕組みを組み込めませんでした: {e}"),
    config_unreadable: |e| format!("{e}。修正されるまで既定の設定で動作します"),
    copy_disk_full: "ディスクがいっぱいのため、本日のバックアップコピーを作成できませんでした。空き容量を確保してください（編集内容には影響ありません）",
    copy_failed: |e| format!("{e}。編集内容には影響ありません"),
    keep_backups_typo: |typed, kept| {
        format!("TASSEI_KEEP_BACKUPS={typed} は1以上の日数ではありません。{kept}日分を残します")
    },
    no_data_folder: "このユーザーのデータフォルダが見つかりません。--db PATH でデータファイルを指定してください",
    cannot_create_folder: |path, e| {
        format!(
            "{} を置くデータフォルダを作成できません: {e}。--db PATH でデータファイルを指定してください",
            path.display()
        )
    },
    review_needs_terminal: "評価会議モードは端末（ターミナル）で実行してください",
};

pub const OUTPUT_JA: Output = Output {
    cannot_write: |path, e| format!("{} に書き込めません: {e}", path.display()),
    is_data_file: |path| {
        format!(
            "--output {} はデータファイルそのものです。何も書き込んでいません。別のファイル名を指定してください",
            path.display()
        )
    },
    is_database: |path| {
        format!(
            "--output {} は SQLite データベース（データファイルかそのコピー）です。何も書き込んでいません。別のファイル名を指定してください",
            path.display()
        )
    },
    binary_to_terminal: "Excel ブックは端末には書き出せません。ファイル名を指定してください: --output 評価シート.xlsx",
};

pub const SUMMARY_JA: Summary = Summary {
    // The sheet's label alone: the exported word (`achieved`) is for scripts, not this line.
    status: |label, _word, n| format!("{label} {n}"),
    counts: |counts, total| format!("{counts}   （目標 {total}件）"),
    shortfalls: |near| format!("未達成（達成度 {near} 未満）:"),
    none: "なし",
    gap: |gap| format!("不足 {gap}"),
    no_actual: "未入力（実績値がまだない目標）:",
    not_computable: "計算不可（達成度を計算できない目標）:",
    activity_status: |label, _word, n| format!("{label} {n}"),
    activities: |counts| format!("実施内容: {counts}"),
    overdue: |date, n| format!("期限超過の実施内容（{date} 時点）: {n}件"),
    unreadable_periods: |n| format!("時期を読めません: {n}件（期限超過を判定できません）"),
    unreadable_period: |goal, number, raw, why| {
        format!("  {goal} 実施内容{number}「{raw}」: {why}")
    },
};

pub const BACKUP_JA: Backup = Backup {
    backed_up: |data, copy| format!("{} を {} にコピーしました", data.display(), copy.display()),
    no_such_file: |file| format!("{} が見つかりません。復元していません", file.display()),
    needs_yes: |data| {
        format!(
            "復元すると {} が置き換わります。--yes を付けて実行してください（確認できる端末がありません）",
            data.display()
        )
    },
    question: |data, file| {
        format!(
            "{} を {} で置き換えますか？ 現在のファイルは先にコピーします。よろしければ yes と入力してください: ",
            data.display(),
            file.display()
        )
    },
    // The answer is typed as the English word, as `--yes` is.
    yes: "yes",
    not_yes: "復元していません: 回答が yes ではありませんでした",
    restored: |data, file, kept, was_damaged| {
        format!(
            "{} から {} を復元しました。元のファイルは {} として残しています{}",
            file.display(),
            data.display(),
            kept.display(),
            if was_damaged {
                "（破損していたため、日付付きコピーには含めていません）"
            } else {
                ""
            }
        )
    },
};

pub const IMPORT_JA: Import = Import {
    cannot_read: |path, e| format!("{} を読み込めません: {e}", path.display()),
    too_large: |path, mb, most| {
        format!(
            "{} は {mb} MB あります。計画ファイルは {most} MB までです",
            path.display()
        )
    },
    cut_short: |path| {
        format!(
            "{} が途中で切れています（文字の途中で終わっています）",
            path.display()
        )
    },
    not_utf8: |path, at| {
        format!(
            "{} は UTF-8 のテキストではありません（オフセット {at} に不正なバイトがあります）。UTF-8 で保存し直してください",
            path.display()
        )
    },
    imported: |path, municipality, title, goals, slug| {
        format!(
            "{} を計画「{slug}」として取り込みました（{municipality} {title}、目標 {goals}件）",
            path.display()
        )
    },
    copy: "この計画の uid はすでにこのデータファイルにあるため、写しとして新しい uid を付けました",
    undo_question: |plan| {
        format!(
            "直前の操作は計画「{plan}」の取り込みです。元に戻すと、この計画を削除して取り込む前に戻します。削除しますか？ [y/N] "
        )
    },
    undo_yes: &["y", "yes", "ｙ", "はい"],
    undo_needs_yes: |plan| {
        format!(
            "直前の操作は計画「{plan}」の取り込みです。元に戻すとこの計画を削除します。削除するときは tassei undo --yes としてください"
        )
    },
    undo_kept: "削除していません",
    undo_done: |plan| format!("取り込んだ計画「{plan}」を削除し、取り込む前に戻しました"),
    example_left: |goals| {
        format!(
            "{goals} にひな形の【記入例】が残っています。そのまま取り込みました。tassei set で書き換えるか、すぐに tassei undo で取り込みを取り消して、記入例を消したブックを取り込み直してください"
        )
    },
};

pub const EDIT_JA: Edit = Edit {
    // The sheet's status label says it all; the exported word (`near`) is for scripts.
    achievement: |goal, rate, label, _word, calculation| {
        format!("{goal} 達成度 {rate} {label} — {calculation}")
    },
    not_part_number: |typed| {
        format!("「{typed}」は項目の番号ではありません。項目の番号は1から始まります")
    },
    ambiguous: |goal, asked, point| {
        format!("{goal}: {asked}。{point} として保存する場合は --yes を付けてください")
    },
    shared_activities: |goal, source| {
        format!("{goal} は {source} の実施内容を共有しています。{source} で設定してください")
    },
    no_activity: |goal, number, count| {
        format!("{goal} に実施内容 {number} はありません。実施内容の番号は 1 から {count} です")
    },
    unknown_note_field: |word| {
        format!(
            "メモの項目「{word}」はありません。decision、follow_up、owner、due のいずれかを指定してください"
        )
    },
    due_refused: |goal, why| format!("{goal}: 期限: {why}"),
    unknown_part_field: |word| {
        format!(
            "項目に「{word}」はありません。label、unit、target のいずれか（実績値なら値だけ）を指定してください"
        )
    },
    changed_after: |changed, action| {
        format!("{changed}。それでも実行する場合は tassei {action} --yes としてください")
    },
};

pub const READ_JA: Read = Read {
    no_match: |query| format!("「{query}」に一致する目標はありません"),
    found_in: FoundIn {
        code: "コード",
        title: "目標名",
        note: "注記",
        figures: "数値",
    },
    method_line: |line| format!("積算方法  {line}"),
    // The sheet's label alone: the stored word (`undo`) is for scripts, not this line.
    log_kind: |label, _word| label.to_string(),
    no_changes: "変更履歴はまだありません",
    wrote_goals: |count, path| format!("目標 {count}件を {} に書き出しました", path.display()),
    wrote_workbook: |goals, activities, path| {
        format!(
            "目標 {goals}件・実施内容 {activities}件を {} に書き出しました（シート: 評価シート、データ、実施内容、計画、内訳、算出）",
            path.display()
        )
    },
    no_notes: "評価会議のメモはまだありません。評価会議モード（R）か tassei note で記録してください",
    no_notes_from: |date| format!("{date} の評価会議のメモはありません"),
    wrote_minutes: |date, path| format!("{date} の議事録を {} に書き出しました", path.display()),
    no_such_command: |typed, under, commands| {
        if commands.is_empty() {
            format!("{under} にはコマンドがないため、「{typed}」のページはありません")
        } else {
            format!(
                "{under} に「{typed}」というコマンドはありません。コマンド: {}",
                commands.join(", ")
            )
        }
    },
};

/// clap's frame in Japanese: headings, the help and version flags, usage errors.
pub const FRAME_JA: Frame = Frame {
    usage_heading: "使い方:",
    commands_heading: "コマンド",
    arguments_heading: "引数",
    options_heading: "オプション",
    help_flag: "ヘルプを表示します",
    version_flag: "バージョンを表示します",
    help_command: "このヘルプ、または指定したコマンドのヘルプを表示します",
    possible_values: |values| format!("（指定できる値: {values}）"),
    env: |name| format!("（環境変数 {name} でも指定できます）"),
    errors: ClapErrors {
        invalid_value: |value, option| format!("{option} に「{value}」は指定できません"),
        value_required: |option| format!("{option} には値が必要です"),
        possible_values: |values| format!("（指定できる値: {values}）"),
        refused_value: |value, option, why| format!("{option} の「{value}」は使えません: {why}"),
        // `set`'s subcommands are fields (actual, achieved, part): no word for what they are.
        unknown_subcommand: |word| format!("「{word}」は使えません"),
        unknown_argument: |typed| format!("「{typed}」という引数はありません"),
        missing_arguments: |names| format!("必要な引数がありません: {names}"),
        missing_subcommand: |command, subcommands| {
            format!("{command} にはコマンドの指定が必要です（{subcommands}）")
        },
        unexpected_value: |value, argument| {
            format!("{argument} の値が多すぎます: 「{value}」は不要です")
        },
        similar: |kind, words| {
            let kind = match kind {
                Similar::Subcommand | Similar::Argument => "候補",
                Similar::Value => "値の候補",
            };
            let quoted = words.iter().map(|w| format!("「{w}」")).collect::<String>();
            format!("{kind}: {quoted}")
        },
        as_value: |typed| format!("「{typed}」を値として渡すには「-- {typed}」と書いてください"),
        separator: "。",
    },
};

pub const ROLLOVER_JA: Rollover = Rollover {
    heading: |plan, year, next, to| {
        format!("{plan}（{year}）から{to}へ繰り越します（新しい計画 {next}）：")
    },
    baseline: |goal, old, new| format!("{goal}  基準値 {old} → {new}（前年度の実績値）"),
    actual_cleared: "、実績値は空に",
    kept: |goal, baseline| format!("{goal}  基準値 {baseline} のまま：繰り越す実績値がありません"),
    kept_chosen: |goal, baseline| format!("{goal}  基準値 {baseline} のまま（keep を指定）"),
    cleared: |goal, old| format!("{goal}  基準値 {old} → 空（none を指定）"),
    cleared_empty: |goal| format!("{goal}  基準値は空のまま（none を指定）"),
    check: |goal, why| format!("{goal}  確認: {why}"),
    check_separator: "。",
    check_reaches: |baseline, target| {
        format!("新しい基準値 {baseline} が目標値 {target} に届いています（keep か none も検討を）")
    },
    check_same: |target| {
        format!("新しい基準値が目標値「{target}」と同じです（keep か none も検討を）")
    },
    check_title_year: |years| format!("目標名に年度があります（{years}）"),
    check_method_year: |years| format!("積算方法に年度があります（{years}）"),
    baseline_goal: |typed, why| format!("--baseline {typed}：{why}"),
    baseline_twice: |goal| {
        format!("--baseline で {goal} を2回指定しています。どちらにするか1つだけ指定してください")
    },
    bad_year: |typed| {
        format!("--to {typed}：年度として読めません。2025、令和7、R7 のように書いてください")
    },
    id_taken: |id| {
        format!("--id {id} は既にあります。別のIDを --id で指定してください（tassei plans で一覧）")
    },
    bad_baseline: |typed| {
        format!(
            "--baseline {typed}：目標=actual、目標=keep、目標=none のいずれかで指定してください（例：⑴-ア-1=keep）"
        )
    },
    parts_cleared: |goal, n| format!("{goal}  内訳の実績値 {n}件を空に"),
    milestone: |goal| format!("{goal}  状態は未入力に（新しい年度の結果はまだありません）"),
    period: |n, old, new| format!("    実施内容{n}  時期 {old} → {new}"),
    unreadable: |n, raw, why| format!("    実施内容{n}  時期 {raw} はそのまま。読めません: {why}"),
    counts: |goals, baselines, moved, unreadable| {
        format!(
            "目標 {goals}件、基準値が変わるもの {baselines}件、時期を1年後にしたもの {moved}件、時期を読めません: {unreadable}件。状況は未記入に、評価内容と会議メモは引き継ぎません"
        )
    },
    preview_only: "何も書き込んでいません。計画を作るには --apply を付けて実行してください。",
    applied: |next, year, from| {
        format!(
            "{from} から {next}（{year}）を作りました。既定の計画になります。tassei undo で取り消せます。"
        )
    },
    one_year: |year, to| {
        format!(
            "繰越で作るのは計画の翌年度です：{year}年度は{}年度へ繰り越します（{to}年度ではありません）",
            year + 1
        )
    },
    undone: |plan, from| format!("元に戻しました：{from} からの繰越。{plan} を削除しました。"),
    confirm_undo: |plan, from| {
        format!(
            "{plan} での最後の操作は {from} からの繰越です。元に戻すと {plan} を入力内容・変更履歴ごと削除します。よろしいですか？ [y/N] "
        )
    },
    undo_needs_yes: |plan| {
        format!(
            "繰越を元に戻すと {plan} を削除します: --yes で確認してください（確認できる端末がありません）"
        )
    },
    undo_kept: |plan| format!("{plan} は残しました。何も変更していません"),
    in_plan: |plan, done| format!("{plan} {done}"),
};

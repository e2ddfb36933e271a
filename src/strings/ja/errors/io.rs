//! ファイルを開けない理由（日本語）: [`strings::errors::Io`](crate::strings::errors::Io) の値。

use crate::strings::errors::Io;

pub const IO_JA: Io = Io {
    not_found: "ファイルがありません（名前と場所を確認してください）",
    no_folder: "書き出す先のフォルダーがありません（場所を確認するか、先にフォルダーを作ってください）",
    permission_denied: "このアカウントには開く権限がありません（ファイルの権限を確認するか、自分のフォルダーにコピーしてください）",
    is_folder: "フォルダーです。その中のファイルを指定してください",
    other: |detail| format!("開けません（{detail}）"),
};

//! Why a file could not be opened, in English: the value of
//! [`strings::errors::Io`](crate::strings::errors::Io).

use crate::strings::errors::Io;

pub const IO: Io = Io {
    not_found: "there is no such file (check its name and folder)",
    no_folder: "the folder to write into is not there (check the path, or make the folder first)",
    permission_denied: "this account has no permission to open it (check the file's permissions, or copy it to a folder of your own)",
    is_folder: "it is a folder, not a file; name a file in it",
    other: |detail| format!("it cannot be opened ({detail})"),
};

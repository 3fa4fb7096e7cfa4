//! Destructive actions (remove an add-on, reset the database, delete a backup, roll back) go
//! ahead only when the researcher typed the app's own name; one check and one message for all.

/// What the confirmation guarded, so the message can say it did not happen ("Nothing was
/// reset.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Reset,
    Deleted,
    Restored,
    Removed,
    RolledBack,
    Deployed,
}

impl Kept {
    /// The Fluent selector of `error-confirm-name`.
    fn key(self) -> &'static str {
        match self {
            Kept::Reset => "reset",
            Kept::Deleted => "deleted",
            Kept::Restored => "restored",
            Kept::Removed => "removed",
            Kept::RolledBack => "rolled-back",
            Kept::Deployed => "deployed",
        }
    }
}

/// For the error's own (English, log) text; the screen's words are [`NameMismatch`]'s `plain`.
impl std::fmt::Display for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kept::RolledBack => "rolled back",
            other => other.key(),
        })
    }
}

/// The typed name was not the app's: nothing happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Type the app's name, {app}, to confirm. Nothing was {kept}.")]
pub struct NameMismatch {
    pub app: String,
    /// What did not happen.
    pub kept: Kept,
}

/// Ok when `typed` is the app's name (spaces around it do not count).
pub fn typed_name(typed: &str, app: &str, kept: Kept) -> Result<(), NameMismatch> {
    if typed.trim() == app {
        Ok(())
    } else {
        Err(NameMismatch {
            app: app.to_string(),
            kept,
        })
    }
}

impl crate::error::UserError for NameMismatch {
    fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::NameMismatch
    }
    fn plain(&self) -> String {
        crate::tr!(
            "error-confirm-name",
            app = self.app.as_str(),
            kept = self.kept.key()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_name_confirms() {
        assert!(typed_name(" novaland-study ", "novaland-study", Kept::Reset).is_ok());
        for wrong in ["novaland-stud", "Novaland-Study", "", "novaland-pilot"] {
            let e = typed_name(wrong, "novaland-study", Kept::Reset).unwrap_err();
            assert_eq!(
                e.to_string(),
                "Type the app's name, novaland-study, to confirm. Nothing was reset."
            );
        }
    }

    #[test]
    fn says_what_did_not_happen() {
        let said = |kept| typed_name("x", "novaland-study", kept).unwrap_err();
        for kept in [
            Kept::Reset,
            Kept::Deleted,
            Kept::Restored,
            Kept::Removed,
            Kept::RolledBack,
            Kept::Deployed,
        ] {
            // The catalog's English is the error's own text, for every kind.
            let mut args = crate::i18n::FluentArgs::new();
            args.set("app", "novaland-study");
            args.set("kept", kept.key());
            let en =
                crate::i18n::message_in(crate::i18n::Lang::En, "error-confirm-name", Some(&args));
            assert_eq!(en, said(kept).to_string());
        }
    }
}

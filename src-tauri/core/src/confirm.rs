//! Destructive actions (remove an add-on, reset the database, delete a backup, roll back) go
//! ahead only when the researcher typed the app's own name; one check and one message for all.

/// The typed name was not the app's: nothing happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Type the app's name, {app}, to confirm. {nothing}")]
pub struct NameMismatch {
    pub app: String,
    /// What did not happen, e.g. "Nothing was reset."
    pub nothing: &'static str,
}

/// Ok when `typed` is the app's name (spaces around it do not count).
pub fn typed_name(typed: &str, app: &str, nothing: &'static str) -> Result<(), NameMismatch> {
    if typed.trim() == app {
        Ok(())
    } else {
        Err(NameMismatch {
            app: app.to_string(),
            nothing,
        })
    }
}

impl crate::error::UserError for NameMismatch {
    fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::NameMismatch
    }
    fn plain(&self) -> String {
        self.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_name_confirms() {
        assert!(typed_name(" novaland-study ", "novaland-study", "").is_ok());
        for wrong in ["novaland-stud", "Novaland-Study", "", "novaland-pilot"] {
            let e = typed_name(wrong, "novaland-study", "Nothing was reset.").unwrap_err();
            assert_eq!(
                e.to_string(),
                "Type the app's name, novaland-study, to confirm. Nothing was reset."
            );
        }
    }
}

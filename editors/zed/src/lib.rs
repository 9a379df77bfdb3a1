// Zed starts a language server only through an extension: this one runs dmlint's language
// server, found on the PATH of the project's shell (a global install, or node_modules/.bin
// added to PATH by direnv or similar).
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Dmlint;

impl zed::Extension for Dmlint {
    fn new() -> Self {
        Dmlint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("dmlint-language-server")
            .ok_or_else(|| "dmlint-language-server is not on PATH: npm install --global dmlint".to_string())?;
        Ok(zed::Command { command, args: vec!["--stdio".into()], env: Default::default() })
    }
}

zed::register_extension!(Dmlint);

//! Zed extension: starts `copydesk lsp` for Markdown and Plain Text.
//!
//! Settings, in Zed's settings.json under `lsp.copydesk`: `binary.path`/`binary.arguments`
//! (default: `copydesk lsp` from PATH), `initialization_options`, and `settings`, which
//! the server receives as its `copydesk` section.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "copydesk";

struct Copydesk;

/// Wraps user settings as the server's `copydesk` section unless they already are.
fn as_section(settings: serde_json::Value) -> serde_json::Value {
    match &settings {
        serde_json::Value::Object(map) if map.contains_key(SERVER) => settings,
        _ => serde_json::json!({ SERVER: settings }),
    }
}

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which(SERVER))
            .ok_or_else(|| {
                "copydesk is not on your PATH: install it with `cargo install --path .` in a \
                 copydesk checkout, or set lsp.copydesk.binary.path in settings.json"
                    .to_string()
            })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let env = binary
            .and_then(|b| b.env)
            .map(|e| e.into_iter().collect())
            .unwrap_or_default();
        Ok(zed::Command {
            command: path,
            args,
            env,
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.settings)
            .map(as_section))
    }
}

zed::register_extension!(Copydesk);

/**
 * Ribbon buttons of the shared runtime. Microsoft's shared-runtime guidance: associate each
 * ExecuteFunction id when the script loads (not after Office.onReady), and call event.completed()
 * when the work is done; a handler may wait for readiness itself.
 */

/** A command's work; it resolves (never rejects) once the user has been shown the outcome. */
export type CommandHandler = () => Promise<void>;

export function registerCommands(handlers: Readonly<Record<string, CommandHandler>>): void {
  for (const [id, handler] of Object.entries(handlers)) {
    Office.actions.associate(id, (event: Office.AddinCommands.Event) => {
      void handler().finally(() => event.completed());
    });
  }
}

/** Shows the pane: where Valida shows its findings, and where a command's failure is told. */
export async function showPane(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

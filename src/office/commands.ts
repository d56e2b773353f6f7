/** Ribbon buttons of the shared runtime: each ExecuteFunction id is bound to its handler here. */

export interface CommandHandlers {
  readonly valida: () => Promise<void>;
  readonly generaOvershooting: () => Promise<void>;
}

export function registerCommands(handlers: CommandHandlers): void {
  for (const [id, handler] of Object.entries(handlers)) {
    Office.actions.associate(id, (event: Office.AddinCommands.Event) => {
      void handler().finally(() => event.completed());
    });
  }
}

/** Shows the pane (the commands run without it; Valida shows its results there). */
export async function showPane(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

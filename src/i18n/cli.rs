//! The command line's own messages and help.

super::catalogue! {
    /// A message of the command line.
    CliMsg;
    AboutCli => (
        "Service blueprints and servuction diagrams: create, check, export and compare them",
        "Planos de servicio y diagramas de servucción: crearlos, revisarlos, exportarlos y compararlos"
    ),
}

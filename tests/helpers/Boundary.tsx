import { Component, type ReactNode } from 'react'

/** An error boundary that shows the error on a button; clicking it renders the children again. */
export class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    return this.state.error ? (
      <button type="button" onClick={() => this.setState({ error: undefined })}>
        {`retry after ${this.state.error.message}`}
      </button>
    ) : (
      this.props.children
    )
  }
}

/**
 * React reports an error caught by a boundary through console.error in development; where that
 * report is the expected outcome, the test setup's failing spy lets it through `times` times.
 */
export const allowCaughtErrorReports = (times: number): void => {
  const spy = console.error as unknown as { mockImplementationOnce: (f: () => void) => void }
  for (let i = 0; i < times; i++) spy.mockImplementationOnce(() => {})
}

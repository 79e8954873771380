import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What failed, for the message ("the compare view"). */
  area: string;
}
interface State {
  error: Error | undefined;
}

/** Keeps a rendering bug in one area from blanking the page. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Rendering ${this.props.area} failed:`, error, info.componentStack);
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-lg border border-red-400 p-4 text-sm">
        <p className="font-semibold">Something went wrong showing {this.props.area}.</p>
        <p className="mt-1 opacity-80">{this.state.error.message}</p>
        <button
          type="button"
          className="btn mt-3"
          onClick={() => this.setState({ error: undefined })}
        >
          Try again
        </button>
      </div>
    );
  }
}

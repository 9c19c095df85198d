package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;

/**
 * The {@link DedicatedDataSource}s of the auto-configured runners, closed with the
 * application context so that their pools close too. Thread-safe.
 */
class DedicatedDataSources implements DisposableBean {

	private final List<DedicatedDataSource> dataSources = new ArrayList<>();

	/**
	 * Close a DataSource with the context.
	 * @param dataSource the DataSource
	 * @return the DataSource
	 */
	synchronized DedicatedDataSource register(DedicatedDataSource dataSource) {
		this.dataSources.add(dataSource);
		return dataSource;
	}

	@Override
	public synchronized void destroy() {
		RuntimeException failure = null;
		for (DedicatedDataSource dataSource : this.dataSources) {
			try {
				dataSource.close();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		this.dataSources.clear();
		if (failure != null) {
			throw failure;
		}
	}

}
